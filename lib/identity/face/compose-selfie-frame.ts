// Places a face photo in a camera frame the way a front camera sees a user:
// face centred, about 40 % of the frame width, head and neck on a plain wall
// (the photo's own background fades out beyond an ellipse around the head, so
// a busy backdrop such as a flag or a crowd does not become a second "face").
import type { RgbImage } from "./decode-image";
import type { Point } from "./detect-faces";
import { remapImage } from "./transform-image";

export interface SelfieFrame {
  image: RgbImage;
  /** The photo's landmarks in the frame's pixel coordinates. */
  landmarks: Point[];
}

export interface ComposeSelfieOptions {
  width: number;
  height: number;
  /** Jaw width (landmarks 0–16) as a fraction of the frame width. */
  faceWidthFraction?: number;
}

const WALL_TOP = [206, 210, 214], WALL_BOTTOM = [176, 181, 186];

export function composeSelfieFrame(photo: RgbImage, lm: Point[], { width, height, faceWidthFraction = 0.4 }: ComposeSelfieOptions): SelfieFrame {
  const faceW = Math.hypot(lm[16][0] - lm[0][0], lm[16][1] - lm[0][1]);
  const eyes = lm.slice(36, 48).reduce((a, p) => [a[0] + p[0] / 12, a[1] + p[1] / 12], [0, 0]);
  const cx = (lm[0][0] + lm[16][0]) / 2, cy = (eyes[1] + lm[8][1]) / 2;
  const k = (faceWidthFraction * width) / faceW;
  const ox = width / 2, oy = height * 0.5;
  const toFrame = ([x, y]: Point): Point => [(x - cx) * k + ox, (y - cy) * k + oy];

  const photoPart = remapImage(photo, width, height, (x, y) => [(x - ox) / k + cx, (y - oy) / k + cy]);
  const data = new Uint8Array(width * height * 3);
  // Head-and-neck ellipse in photo units, a little above the face centre.
  const ex = cx, ey = cy - 0.1 * faceW, rx = 0.78 * faceW, ry = 1.1 * faceW;
  for (let y = 0; y < height; y++) {
    const wall = WALL_TOP.map((c, i) => c + ((WALL_BOTTOM[i] - c) * y) / height);
    for (let x = 0; x < width; x++) {
      const px = (x - ox) / k + cx, py = (y - oy) / k + cy;
      const inPhoto = px >= 0 && py >= 0 && px <= photo.width - 1 && py <= photo.height - 1;
      const r = Math.hypot((px - ex) / rx, (py - ey) / ry);
      const a = inPhoto ? Math.min(1, Math.max(0, (1 - r) / 0.15)) : 0;
      const o = (y * width + x) * 3;
      for (let c = 0; c < 3; c++) data[o + c] = Math.round(photoPart.data[o + c] * a + wall[c] * (1 - a));
    }
  }
  return { image: { width, height, data }, landmarks: lm.map(toFrame) };
}
