// Test support: crops a photo to the framing of an ID-card portrait (GA 461:
// 26×32 mm, head ~58 % of the width, eyes a little above the middle), so a
// drawn card carries a head-and-shoulders portrait the size of a real card's,
// not a half-body snapshot with a face a third as large.
import type { RgbImage } from "../face/decode-image";
import { detectFaces } from "../face/detect-faces";
import { cropImage } from "../face/transform-image";
import { eyeCentres } from "./locate-card-by-portrait";

/** Inter-ocular distance / portrait width, and the eye line's height / portrait height (from the top). */
export const ID_PHOTO_EYE_SPAN = 0.24;
export const ID_PHOTO_EYE_LINE = 0.42;

export async function frameIdPhoto(photo: RgbImage): Promise<RgbImage> {
  const face = (await detectFaces(photo, { withDescriptors: false }))[0];
  if (!face) throw new Error("no face to frame");
  const [l, r] = eyeCentres(face);
  const width = Math.hypot(r[0] - l[0], r[1] - l[1]) / ID_PHOTO_EYE_SPAN, height = (width * 32) / 26;
  const cx = (l[0] + r[0]) / 2, cy = (l[1] + r[1]) / 2;
  return cropImage(photo, cx - width / 2, cy - height * ID_PHOTO_EYE_LINE, width, height);
}
