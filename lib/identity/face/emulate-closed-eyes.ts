// Emulates closing the eyes on one still photo the way a real blink looks: the
// upper lid slides down over the iris and sclera until it meets the lower lid,
// leaving lid skin with a dark lash line where the eye was. The lid is the
// person's own skin from just above the upper lash line, stretched down (a
// real lid unfolds from under the crease), so its colour and texture are right
// for every face; nothing is painted in a fixed colour except the lash line.
import type { RgbImage } from "./decode-image";
import type { Point } from "./detect-faces";
import { remapImage } from "./transform-image";

/** Lid skin taken from this band above the upper lid margin, in eye widths, skipping the upper lashes. */
const LID_SOURCE = 0.3;
const LASH_GAP = 0.07;
/** The crease above an open eye is shadowed; a closed lid faces the camera and is closer to cheek skin. */
const LID_SKIN_MIX = 0.5;
/** Where the closed margin rests, as a fraction of the way from upper to lower lid. */
const CLOSED_AT = 0.92;
/** Half thickness of the closed lash line, in eye widths. */
const LASH_HALF = 0.03;
const LASH_RGB = [38, 28, 28];

/** An eye's own frame: u along the corner-to-corner line (0 at the outer-left corner), v towards the chin, in pixels. */
interface EyeFrame {
  toEye(x: number, y: number): [number, number];
  toImage(u: number, v: number): [number, number];
  upper(u: number): number;
  lower(u: number): number;
  width: number;
}

/** `amount` 0 = as photographed, 1 = both eyes closed. */
export function emulateClosedEyes(img: RgbImage, lm: Point[], amount: number): RgbImage {
  const k = Math.min(Math.max(amount, 0), 1);
  if (k === 0) return img;
  const eyes = [eyeFrame(lm.slice(36, 42)), eyeFrame(lm.slice(42, 48))];
  const lash = new Float32Array(img.width * img.height);
  const lid = new Float32Array(img.width * img.height);
  const skin = sampleCheeks(img, lm);
  const out = remapImage(img, img.width, img.height, (x, y) => {
    for (const eye of eyes) {
      const [u, v] = eye.toEye(x, y);
      if (u <= 0 || u >= eye.width) continue;
      const top = eye.upper(u), bottom = eye.lower(u);
      if (bottom <= top) continue; // landmarks crossed: nothing to close here
      const margin = top + k * CLOSED_AT * (bottom - top);
      const band = LID_SOURCE * eye.width;
      const d = Math.abs(v - margin) / Math.max(LASH_HALF * eye.width, 0.9);
      if (d < 1) lash[y * img.width + x] = Math.max(lash[y * img.width + x], k * (1 - d * d));
      if (v < top - band || v > margin) continue;
      // Stretch [top − band, top − gap] (lid skin above the lashes) down to [top − band, margin].
      const src = band - LASH_GAP * eye.width;
      const vs = top - band + ((v - (top - band)) * src) / (margin - top + band);
      lid[y * img.width + x] = Math.min(1, (v - (top - band)) / (0.1 * eye.width)) * LID_SKIN_MIX * Math.min(1, 2 * k);
      return eye.toImage(u, vs);
    }
    return [x, y];
  });
  for (let i = 0; i < lash.length; i++) {
    if (lid[i] > 0) for (let c = 0; c < 3; c++) out.data[i * 3 + c] = Math.round(out.data[i * 3 + c] * (1 - lid[i]) + skin[c] * lid[i]);
    const a = 0.85 * lash[i];
    if (a > 0) for (let c = 0; c < 3; c++) out.data[i * 3 + c] = Math.round(out.data[i * 3 + c] * (1 - a) + LASH_RGB[c] * a);
  }
  return out;
}

function eyeFrame(eye: Point[]): EyeFrame {
  const [ax, ay] = eye[0];
  const width = Math.hypot(eye[3][0] - ax, eye[3][1] - ay);
  const ux = (eye[3][0] - ax) / width, uy = (eye[3][1] - ay) / width;
  const toEye = (x: number, y: number): [number, number] => [(x - ax) * ux + (y - ay) * uy, -(x - ax) * uy + (y - ay) * ux];
  const toImage = (u: number, v: number): [number, number] => [ax + u * ux - v * uy, ay + u * uy + v * ux];
  const curve = (idx: number[]) => {
    const pts = idx.map((i) => toEye(eye[i][0], eye[i][1]));
    return (u: number) => {
      for (let i = 1; i < pts.length; i++) {
        if (u <= pts[i][0] || i === pts.length - 1) {
          const [u0, v0] = pts[i - 1], [u1, v1] = pts[i];
          return v0 + ((v1 - v0) * (u - u0)) / (u1 - u0 || 1);
        }
      }
      return 0;
    };
  };
  // 36–41: corner, two upper-lid points, corner, two lower-lid points (iBUG order).
  return { toEye, toImage, width, upper: curve([0, 1, 2, 3]), lower: curve([0, 5, 4, 3]) };
}

/** Mean colour of two cheek patches (between jaw and nose), 7×7 px each. */
function sampleCheeks(img: RgbImage, lm: Point[]): number[] {
  const acc = [0, 0, 0];
  let n = 0;
  for (const [jaw, nose] of [[2, 31], [14, 35]]) {
    const cx = Math.round((lm[jaw][0] + lm[nose][0]) / 2), cy = Math.round((lm[jaw][1] + lm[nose][1]) / 2);
    for (let y = cy - 3; y <= cy + 3; y++) {
      for (let x = cx - 3; x <= cx + 3; x++) {
        const o = (Math.min(Math.max(y, 0), img.height - 1) * img.width + Math.min(Math.max(x, 0), img.width - 1)) * 3;
        for (let c = 0; c < 3; c++) acc[c] += img.data[o + c];
        n++;
      }
    }
  }
  return acc.map((v) => v / n);
}
