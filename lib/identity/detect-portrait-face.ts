// Finds the portrait on an ID-card image. The upload may be the whole card
// (portrait ~1/4 of the width) or a tight crop of the portrait; SSD MobileNet
// misses faces that fill the whole frame of a tiny image, so a miss is retried
// once with the image centred on a larger neutral canvas.
import type { RgbImage } from "./face/decode-image";
import { detectFaces, type DetectedFace } from "./face/detect-faces";
import { createImage, pasteImage } from "./face/transform-image";

export async function detectPortraitFace(card: RgbImage): Promise<DetectedFace | null> {
  const faces = await detectFaces(card);
  if (faces.length > 0) return faces[0]; // largest first: the main portrait
  const padded = createImage(card.width * 2, card.height * 2, [200, 200, 200]);
  pasteImage(padded, card, Math.round(card.width / 2), Math.round(card.height / 2));
  const retry = await detectFaces(padded);
  return retry[0] ?? null;
}
