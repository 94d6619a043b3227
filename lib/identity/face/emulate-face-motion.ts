// Emulates the liveness actions on ONE still photo by warping it around its own
// 68 landmarks, so tests can run the real detector on "blink", "open mouth",
// "turn" and "nod" frames without a camera or a video of a real person.
// These are 2-D approximations (a piecewise-linear shift of the nose/mouth
// between fixed jaw anchors is not a 3-D rotation); fixture files and the
// README say which sequences were produced this way.
import type { RgbImage } from "./decode-image";
import type { Point } from "./detect-faces";
import { blendEllipse, remapImage } from "./transform-image";

// Closing the eyes lives in its own file (a lid model, not a warp).
export { emulateClosedEyes } from "./emulate-closed-eyes";

const mean = (pts: Point[]) => pts.reduce((a, p) => [a[0] + p[0] / pts.length, a[1] + p[1] / pts.length], [0, 0]);
const pick = (lm: Point[], from: number, to: number) => lm.slice(from, to + 1);

/** Piecewise-linear 1-D map sending `c` to `c + d` while keeping `a` and `b` fixed. */
function shiftBetween(v: number, a: number, b: number, c: number, d: number): number {
  if (v <= a || v >= b) return v;
  const c2 = c + d;
  return v < c2 ? a + ((v - a) * (c - a)) / (c2 - a) : c + ((v - c2) * (b - c)) / (b - c2);
}

/**
 * Yaw: moves the nose/eyes/mouth column by `shift` × face width towards image
 * +x (positive) between the jaw anchors (points 0 and 16), which stay put.
 */
export function emulateYaw(img: RgbImage, lm: Point[], shift: number): RgbImage {
  const a = lm[0][0], b = lm[16][0], c = lm[30][0], d = shift * (b - a);
  return remapImage(img, img.width, img.height, (x, y) => [shiftBetween(x, a, b, c, d), y]);
}

/** Pitch: moves the nose tip down by `shift` × eye-to-chin height, eyes and chin fixed. */
export function emulatePitch(img: RgbImage, lm: Point[], shift: number): RgbImage {
  const a = mean(pick(lm, 36, 47))[1], b = lm[8][1], c = lm[30][1], d = shift * (b - a);
  return remapImage(img, img.width, img.height, (x, y) => [x, shiftBetween(y, a, b, c, d)]);
}

/** Opens the mouth: everything below the lip line drops by `shift` × face height; the gap is a dark mouth. */
export function emulateOpenMouth(img: RgbImage, lm: Point[], shift: number): RgbImage {
  const ym = (lm[62][1] + lm[66][1]) / 2;
  const d = shift * (lm[8][1] - lm[27][1]);
  const out = remapImage(img, img.width, img.height, (x, y) => [x, y < ym ? y : y < ym + d ? ym : y - d]);
  if (d >= 1) {
    const cx = (lm[60][0] + lm[64][0]) / 2, w = Math.abs(lm[64][0] - lm[60][0]);
    blendEllipse(out, cx, ym + d / 2, w * 0.5, d / 2 + 2, [55, 20, 25], 1);
  }
  return out;
}
