// Turns the rough rectangle from findCardRectangle (±a few px, angle ±2°)
// into the card's four corners to sub-pixel precision: at 48 points along
// each side the grey step of the side's polarity nearest to the rough side is
// found across it, the hits get a consensus line (hits on other edges — the
// portrait's border, text, a shadow — are outliers), and adjacent lines are
// intersected. Sides are fitted independently, so mild perspective comes out
// as a quadrilateral; a result that is not card-shaped is refused.
import type { Point } from "../face/detect-faces";
import { CARD_ASPECT, type CardRectangle } from "./find-card-rectangle";
import type { GrayImage } from "./gray-image";

/** Corners in image coordinates: top-left, top-right, bottom-right, bottom-left (as the card reads). */
export type CardQuad = [Point, Point, Point, Point];

const SAMPLES = 48;
const SEARCH = 7; // px either side of the rough side
const MIN_STEP = 3; // grey levels across 1.5 px

interface Line {
  a: number;
  b: number;
}

export function fitCardQuad(gray: GrayImage, rect: CardRectangle): CardQuad | null {
  const r = (rect.angle * Math.PI) / 180, c = Math.cos(r), s = Math.sin(r);
  const toImage = (u: number, v: number): Point => [u * c - v * s, u * s + v * c];
  const I = (u: number, v: number) => bilinear(gray, ...toImage(u, v));
  // Horizontal sides as v = a + b·u, vertical sides as u = a + b·v.
  const fitSide = (fixed: number, from: number, to: number, horizontal: boolean, polarity: number): Line | null => {
    const offsets: number[] = [];
    for (let d = -SEARCH; d <= SEARCH; d += 0.5) offsets.push(d);
    // Signed step across the side (brighter towards +u/+v is positive), averaged over 3 px along it.
    const profiles = Array.from({ length: SAMPLES }, (_, k) => {
      const t = from + (to - from) * (0.1 + (0.8 * k) / (SAMPLES - 1));
      const at = (d: number, tan: number) => (horizontal ? I(t + tan, fixed + d) : I(fixed + d, t + tan));
      return { t, steps: offsets.map((d) => [-1, 0, 1].reduce((sum, tan) => sum + at(d + 0.75, tan) - at(d - 0.75, tan), 0) / 3) };
    });
    const sign = polarity || strongerPolarity(profiles.map((p) => p.steps), offsets);
    const along: number[] = [], across: number[] = [];
    for (const { t, steps } of profiles) {
      const values = steps.map((v) => sign * v);
      const i = nearestPeak(values);
      if (i < 0) continue;
      const [y0, y1, y2] = [values[i - 1], values[i], values[i + 1]];
      const sub = (y0 - y2) / (2 * (y0 - 2 * y1 + y2) || 1);
      along.push(t);
      across.push(fixed + offsets[i] + sub * 0.5);
    }
    return robustLine(along, across);
  };
  const top = fitSide(rect.top, rect.left, rect.right, true, rect.polarity.top);
  const bottom = fitSide(rect.bottom, rect.left, rect.right, true, rect.polarity.bottom);
  const left = fitSide(rect.left, rect.top, rect.bottom, false, rect.polarity.left);
  const right = fitSide(rect.right, rect.top, rect.bottom, false, rect.polarity.right);
  if (!top || !bottom || !left || !right) return null;
  const corner = (h: Line, v: Line): Point => {
    // v-line: u = a + b·v; h-line: v = a + b·u.
    const u = (v.a + v.b * h.a) / (1 - v.b * h.b);
    return toImage(u, h.a + h.b * u);
  };
  const quad: CardQuad = [corner(top, left), corner(top, right), corner(bottom, right), corner(bottom, left)];
  return isCardShaped(quad) ? quad : null;
}

/** Card proportions (±12 %) and corners within 8° of square: mild perspective passes, other shapes do not. */
function isCardShaped(q: CardQuad): boolean {
  const len = (a: Point, b: Point) => Math.hypot(b[0] - a[0], b[1] - a[1]);
  const aspect = (len(q[0], q[1]) + len(q[3], q[2])) / (len(q[0], q[3]) + len(q[1], q[2]));
  if (aspect > CARD_ASPECT * 1.12 || aspect < CARD_ASPECT / 1.12) return false;
  return q.every((p, i) => {
    const a = q[(i + 3) % 4], b = q[(i + 1) % 4];
    const cos = ((a[0] - p[0]) * (b[0] - p[0]) + (a[1] - p[1]) * (b[1] - p[1])) / (len(p, a) * len(p, b));
    return Math.abs(cos) <= Math.sin((8 * Math.PI) / 180);
  });
}

/**
 * For a side whose polarity the coverage could not tell (an edge and its JPEG
 * ringing, or a side guessed from the portrait): the direction of the stronger
 * steps within 3 px of the rough side, summed over the samples.
 */
function strongerPolarity(profiles: number[][], offsets: number[]): number {
  let up = 0, down = 0;
  for (const steps of profiles) {
    const near = steps.filter((_, i) => Math.abs(offsets[i]) <= 3);
    up += Math.max(0, ...near);
    down += Math.max(0, ...near.map((v) => -v));
  }
  return up >= down ? 1 : -1;
}

/**
 * The step peak closest to the rough side (the middle of `values`): the rough
 * side is already on the card's edge within a few px, while a stronger step
 * close by is often something printed on the card (the portrait's border
 * ~3 % inside it) and the card's own edge can be weak (light card, light table).
 */
function nearestPeak(values: number[]): number {
  const mid = (values.length - 1) / 2;
  let best = -1;
  for (let i = 1; i < values.length - 1; i++) {
    if (values[i] < MIN_STEP || values[i] < values[i - 1] || values[i] < values[i + 1]) continue;
    if (best < 0 || Math.abs(i - mid) < Math.abs(best - mid)) best = i;
  }
  return best;
}

/**
 * The line with most hits within 1 px (candidates through pairs of hits half
 * the side apart), refitted by least squares on those hits. The rough side
 * can be ~2° off, so hits form a sloped line; some lie on other edges (the
 * portrait's border, text, the shadow) and must not pull the fit.
 */
function robustLine(xs: number[], ys: number[]): Line | null {
  const n = xs.length;
  if (n < SAMPLES / 3) return null;
  let best: boolean[] = [], bestCount = 0;
  for (let i = 0; i < n; i++) {
    const j = (i + (n >> 1)) % n;
    if (xs[i] === xs[j]) continue;
    const b = (ys[j] - ys[i]) / (xs[j] - xs[i]), a = ys[i] - b * xs[i];
    const inliers = xs.map((x, k) => Math.abs(ys[k] - a - b * x) <= 1);
    const count = inliers.filter(Boolean).length;
    if (count > bestCount) [best, bestCount] = [inliers, count];
  }
  if (bestCount < SAMPLES / 3) return null;
  return leastSquares(xs.filter((_, k) => best[k]), ys.filter((_, k) => best[k]));
}

function leastSquares(xs: number[], ys: number[]): Line {
  const n = xs.length, mx = xs.reduce((a, x) => a + x, 0) / n, my = ys.reduce((a, y) => a + y, 0) / n;
  let sxy = 0, sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
  }
  const b = sxx ? sxy / sxx : 0;
  return { a: my - b * mx, b };
}

function bilinear(img: GrayImage, x: number, y: number): number {
  const cx = Math.min(Math.max(x, 0), img.width - 1.001), cy = Math.min(Math.max(y, 0), img.height - 1.001);
  const x0 = Math.floor(cx), y0 = Math.floor(cy), fx = cx - x0, fy = cy - y0, i = y0 * img.width + x0;
  const d = img.data;
  return (d[i] * (1 - fx) + d[i + 1] * fx) * (1 - fy) + (d[i + img.width] * (1 - fx) + d[i + img.width + 1] * fx) * fy;
}
