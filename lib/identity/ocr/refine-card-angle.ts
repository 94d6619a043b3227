// Sharpens an orientation estimate before the rectangle search, which needs
// the angle to ~0.3° (a 500 px side drifts 2.6 px at 0.3°). The histogram
// peak alone is pulled up to ~2° towards 0 by thin text strokes (Sobel
// directions) and horizontal table grain. Here the score of an angle is the
// sum of squared longest runs of same-polarity edge pixels per row and column
// of the rotated frame: long unbroken runs are card sides; text and grain
// make many short runs, which squaring makes negligible.
import { dominantAngles, sobel, type Gradients } from "./edge-gradients";
import type { GrayImage } from "./gray-image";

const MIN_RUN = 16;

export function refineCardAngle(g: Gradients, minMagnitude: number, angle: number, range = 2, step = 0.2): number {
  const points: number[] = [];
  for (let y = 1; y < g.height - 1; y++) {
    for (let x = 1; x < g.width - 1; x++) if (g.magnitude[y * g.width + x] >= minMagnitude) points.push(x, y);
  }
  const steps = Math.round(range / step);
  let best = angle, bestScore = -1;
  for (let k = -steps; k <= steps; k++) {
    const a = angle + k * step, score = runScore(g, points, a);
    if (score > bestScore) [best, bestScore] = [a, score];
  }
  return best;
}

/**
 * The strongest text/edge orientation within ±`tolerance`° of `near` (the
 * portrait's eye line, off by the head's tilt in the ID photo), or null.
 */
export function cardAngleNear(gray: GrayImage, minMagnitude: number, near: number, tolerance = 6): number | null {
  const g = sobel(gray);
  const peak = dominantAngles(g, minMagnitude, 45, 5).find((a) => Math.abs(a - near) <= tolerance);
  return peak === undefined ? null : refineCardAngle(g, minMagnitude, peak);
}

function runScore(g: Gradients, points: number[], angle: number): number {
  const r = (angle * Math.PI) / 180, c = Math.cos(r), s = Math.sin(r);
  const corners = [[0, 0], [g.width, 0], [0, g.height], [g.width, g.height]];
  const us = corners.map(([x, y]) => x * c + y * s), vs = corners.map(([x, y]) => -x * s + y * c);
  const uMin = Math.floor(Math.min(...us)), vMin = Math.floor(Math.min(...vs));
  const w = Math.ceil(Math.max(...us)) - uMin + 1, h = Math.ceil(Math.max(...vs)) - vMin + 1;
  // Bit 1/2: horizontal edge brighter below/above; 4/8: vertical edge brighter right/left.
  const cells = new Uint8Array(w * h);
  for (let k = 0; k < points.length; k += 2) {
    const x = points[k], y = points[k + 1], i = y * g.width + x;
    const gu = g.gx[i] * c + g.gy[i] * s, gv = -g.gx[i] * s + g.gy[i] * c;
    const cell = Math.round(-x * s + y * c - vMin) * w + Math.round(x * c + y * s - uMin);
    if (Math.abs(gv) > 2 * Math.abs(gu)) cells[cell] |= gv > 0 ? 1 : 2;
    else if (Math.abs(gu) > 2 * Math.abs(gv)) cells[cell] |= gu > 0 ? 4 : 8;
  }
  // A line is 3 cells thick (rounding of rotated pixel centres): spread horizontal bits ±1 row, vertical ±1 column.
  const thick = new Uint8Array(w * h);
  for (let v = 0; v < h; v++) {
    for (let u = 0; u < w; u++) {
      const i = v * w + u, m = cells[i];
      if (!m) continue;
      thick[i] |= m;
      if (m & 3) {
        if (v > 0) thick[i - w] |= m & 3;
        if (v < h - 1) thick[i + w] |= m & 3;
      }
      if (m & 12) {
        if (u > 0) thick[i - 1] |= m & 12;
        if (u < w - 1) thick[i + 1] |= m & 12;
      }
    }
  }
  return sumSquaredRuns(thick, w, h, 1, true) + sumSquaredRuns(thick, w, h, 2, true) + sumSquaredRuns(thick, w, h, 4, false) + sumSquaredRuns(thick, w, h, 8, false);
}

/** Σ (longest run per line)² over lines, bridging gaps of up to 2 cells. */
function sumSquaredRuns(cells: Uint8Array, w: number, h: number, bit: number, rows: boolean): number {
  const [lines, len, lineStride, stepStride] = rows ? [h, w, w, 1] : [w, h, 1, w];
  let score = 0;
  for (let line = 0; line < lines; line++) {
    let run = 0, gap = 0, longest = 0;
    for (let t = 0, i = line * lineStride; t < len; t++, i += stepStride) {
      if (cells[i] & bit) {
        run += gap + 1;
        gap = 0;
        if (run > longest) longest = run;
      } else if (++gap > 2) run = gap = 0;
    }
    if (longest >= MIN_RUN) score += longest * longest;
  }
  return score;
}
