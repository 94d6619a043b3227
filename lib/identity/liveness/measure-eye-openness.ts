// Appearance-based eye openness. face-api's 68-point net barely moves the eye
// points when the eyes close (EAR −10 %), but it still puts them on the eye, so
// the pixels there tell open from closed: an open eye shows a dark iris with
// brighter sclera on BOTH sides along the eye's axis; a closed lid is skin with
// a lash line that runs ALONG that axis, so it has no such dip.
//
// The measure is the deepest iris-sized dip in the luma profile along the eye
// (searched over gaze positions, so it does not care where the person looks or
// exactly where the landmarks landed), divided by the luma of the skin below
// the eye, so exposure and skin tone cancel out. Lengths are in eye widths in
// the eye's own frame: face size and head roll do not matter.
//
// Pure over a plain pixel buffer: the browser passes canvas ImageData (RGBA),
// the server its decoded RgbImage (RGB).
import type { Point } from "./types";

export interface PixelBuffer {
  width: number;
  height: number;
  /** Row-major 8-bit samples, `channels` per pixel (RGB or RGBA; alpha is ignored). */
  data: ArrayLike<number>;
  channels: 3 | 4;
}

/** Sampling step in eye widths: the same samples at any resolution. */
const STEP = 1 / 40;
/** Profile along the eye (u) averaged over a band across it (v) around the landmark centre. */
const PROFILE_U = 16; // ±0.4 eye widths
const PROFILE_V = 4; // ±0.1
/** Iris window half-width and the sclera window beside it on each side (4 steps = 0.1 eye widths each). */
const IRIS_HALF = 4;
const SCLERA = 4;
/** Skin reference: cheek just below the eye, clear of the lower lashes. */
const SKIN_U = 12; // ±0.3
const SKIN_V: [number, number] = [24, 36]; // 0.6–0.9 below the centre
/** Below this skin luma the picture is too dark to judge. */
const MIN_SKIN_LUMA = 25;

/**
 * Openness of the MORE open eye (a blink closes both; a wink, a glint or a
 * strand of hair on one eye does not count): ~0.2–0.65 for open eyes looking at
 * the camera, < 0.1 closed, < 0.14 also for squinting or downcast eyes whose
 * iris barely shows (see constants.ts). NaN if neither eye can be measured.
 */
export function measureEyeOpenness(image: PixelBuffer, landmarks: Point[]): number {
  const a = measureOneEye(image, landmarks.slice(36, 42));
  const b = measureOneEye(image, landmarks.slice(42, 48));
  return Number.isNaN(a) ? b : Number.isNaN(b) ? a : Math.max(a, b);
}

/** One eye from its six landmarks (corner, upper lid ×2, corner, lower lid ×2). */
export function measureOneEye(image: PixelBuffer, eye: Point[]): number {
  const [a, b] = [eye[0], eye[3]];
  const width = Math.hypot(b[0] - a[0], b[1] - a[1]);
  if (!(width >= 4)) return NaN;
  const ux = (b[0] - a[0]) / width, uy = (b[1] - a[1]) / width;
  const cx = eye.reduce((s, p) => s + p[0], 0) / 6, cy = eye.reduce((s, p) => s + p[1], 0) / 6;
  const s = STEP * width;
  // Grid steps (i along the eye, j across it, towards the chin) → image luma.
  const luma = (i: number, j: number) => sampleLuma(image, cx + (i * ux - j * uy) * s, cy + (i * uy + j * ux) * s);
  const corners = [luma(-PROFILE_U, -PROFILE_V), luma(PROFILE_U, -PROFILE_V), luma(-SKIN_U, SKIN_V[1]), luma(SKIN_U, SKIN_V[1])];
  if (corners.some(Number.isNaN)) return NaN;

  const skin: number[] = [];
  for (let j = SKIN_V[0]; j <= SKIN_V[1]; j++) for (let i = -SKIN_U; i <= SKIN_U; i++) skin.push(luma(i, j));
  const skinLuma = median(skin);
  if (skinLuma < MIN_SKIN_LUMA) return NaN;

  // Median across the band: an iris fills the open aperture top to bottom, a
  // closed lid's lash line (curved, so it crosses the band) only a few rows.
  const profile: number[] = [];
  for (let i = -PROFILE_U; i <= PROFILE_U; i++) {
    const column: number[] = [];
    for (let j = -PROFILE_V; j <= PROFILE_V; j++) column.push(luma(i, j));
    profile.push(median(column));
  }
  const mean = (from: number, to: number) => profile.slice(from, to).reduce((p, q) => p + q, 0) / (to - from);
  let deepest = 0;
  for (let c = IRIS_HALF + SCLERA; c < profile.length - IRIS_HALF - SCLERA; c++) {
    const iris = mean(c - IRIS_HALF, c + IRIS_HALF + 1);
    const sides = (mean(c - IRIS_HALF - SCLERA, c - IRIS_HALF) + mean(c + IRIS_HALF + 1, c + IRIS_HALF + SCLERA + 1)) / 2;
    deepest = Math.max(deepest, sides - iris);
  }
  return deepest / skinLuma;
}

/** Bilinear luma (BT.601) at a sub-pixel position; NaN outside the image. */
function sampleLuma(img: PixelBuffer, x: number, y: number): number {
  if (!(x >= 0 && y >= 0 && x <= img.width - 1 && y <= img.height - 1)) return NaN;
  const x0 = Math.min(Math.floor(x), img.width - 2), y0 = Math.min(Math.floor(y), img.height - 2);
  const fx = x - x0, fy = y - y0, ch = img.channels, d = img.data;
  const at = (o: number) => 0.299 * d[o] + 0.587 * d[o + 1] + 0.114 * d[o + 2];
  const o00 = (y0 * img.width + x0) * ch, o10 = o00 + img.width * ch;
  return (at(o00) * (1 - fx) + at(o00 + ch) * fx) * (1 - fy) + (at(o10) * (1 - fx) + at(o10 + ch) * fx) * fy;
}

function median(xs: number[]): number {
  const s = [...xs].sort((p, q) => p - q);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}
