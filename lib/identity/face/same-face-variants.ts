// "Same person, another shot" variants of one photo for tests and measurements:
// the only portrait we may use (fixtures/faces/astronaut.png) has no second
// photo of the same person, so re-cropping, rescaling, relighting, rotating and
// ID-card-like degradation (small, grey, JPEG) stand in for it.
import { decodeImage, encodeJpeg, type RgbImage } from "./decode-image";
import type { FaceBox } from "./detect-faces";
import { adjustImage, createImage, cropImage, grayscaleImage, pasteImage, resizeImage, rotateImage } from "./transform-image";

export interface ImageVariant {
  name: string;
  image: RgbImage;
}

export function sameFaceVariants(img: RgbImage, face: FaceBox): ImageVariant[] {
  const cx = face.x + face.width / 2, cy = face.y + face.height / 2;
  const around = (scale: number, dx = 0, dy = 0) => {
    const s = Math.max(face.width, face.height) * scale;
    return cropImage(img, cx - s / 2 + dx, cy - s / 2 + dy, s, s);
  };
  return [
    { name: "tight crop", image: around(1.6) },
    { name: "loose crop shifted", image: around(3, 30, 20) },
    { name: "downscaled 0.5", image: resizeImage(img, img.width / 2, img.height / 2) },
    { name: "upscaled crop 2x", image: resizeImage(around(2), 2 * Math.round(face.width * 2), 2 * Math.round(face.width * 2)) },
    { name: "darker, low contrast", image: adjustImage(img, -50, 0.7) },
    { name: "brighter, high contrast", image: adjustImage(img, 40, 1.3) },
    { name: "rotated +8°", image: rotateImage(img, 8) },
    { name: "rotated -12°", image: rotateImage(img, -12) },
    { name: "ID card (grey 102×126 portrait, JPEG q60)", image: drawPortraitCard(img, face) },
  ];
}

/**
 * Mimics a photo of the front of a resident ID card: a 428×270 px card
 * (85.6×54 mm at 5 px/mm) with the portrait — head and shoulders, 102×126 px,
 * grey — on the right, JPEG-compressed like a phone upload.
 */
export function drawPortraitCard(img: RgbImage, face: FaceBox): RgbImage {
  const h = face.height * 2.3, w = (h * 102) / 126;
  const crop = cropImage(img, face.x + face.width / 2 - w / 2, face.y + face.height * 0.45 - h * 0.45, w, h);
  const card = createImage(428, 270, [214, 222, 226]);
  pasteImage(card, grayscaleImage(resizeImage(crop, 102, 126)), 290, 40);
  return decodeImage(encodeJpeg(card, 60));
}
