// Finds the card as the best-supported rectangle of card proportions (85.6:54)
// in a grey photo. For each candidate rotation the edge pixels are binned in
// the rotated frame, where the card is axis-parallel: its sides are long,
// unbroken runs of same-polarity edges, which text lines (gaps between
// characters), table grain (short streaks) and noise are not. Rows/columns
// with the longest runs give candidate sides; every combination of card
// proportions is scored by how much of each side is covered by edge pixels.
import { binEdges, MIN_EDGE, topRuns, type EdgeMaps } from "./bin-card-edges";
import { dominantAngles, sobel, type Gradients } from "./edge-gradients";
import type { GrayImage } from "./gray-image";
import { refineCardAngle } from "./refine-card-angle";
import { sideContrast } from "./side-contrast";

export const CARD_ASPECT = 85.6 / 54;

/** An axis-parallel rectangle in the frame rotated by `angle` (degrees, clockwise on screen). */
export interface CardRectangle {
  angle: number;
  /** Sides in rotated coordinates: u = x·cos + y·sin, v = −x·sin + y·cos. */
  left: number;
  right: number;
  top: number;
  bottom: number;
  /** Edge polarity per side (+1: brighter towards +u/+v; 0: both polarities covered it alike), for the refinement. */
  polarity: { left: number; right: number; top: number; bottom: number };
  /** Mean coverage of the four sides by edge pixels, 0–1. */
  score: number;
}

export interface FindCardOptions {
  /** Expected rotation (e.g. from the portrait's eyes); edge orientations nearest to it are tried first. */
  angle?: number;
  /** Extra test on a candidate (e.g. "the portrait lies in its right half"). */
  accept?: (rect: CardRectangle) => boolean;
  /** Smallest card width as a fraction of the image's longer side (default 0.3: 40 % of a 4:3 frame's width). */
  minWidthFraction?: number;
}

const MAX_ROTATION = 20;
const CANDIDATES_PER_POLARITY = 10;
const ASPECT_TOLERANCE = 1.1;
const MIN_SIDE_COVERAGE = 0.5;
const MIN_SCORE = 0.85; // measured: a whole card's sides cover 0.95–1.0
const CONFIDENT_SCORE = 0.9;
const SCORE_TIE = 0.05;
const POLARITY_MARGIN = 0.2;

export function findCardRectangle(gray: GrayImage, options: FindCardOptions = {}): CardRectangle | null {
  const g = sobel(gray);
  let angles = dominantAngles(g, MIN_EDGE, MAX_ROTATION, 3);
  if (options.angle !== undefined) {
    // A prior from the portrait's eye line is only as good as the head's pose in the ID photo (±5°) and the
    // landmarks of a small face: it orders the edge orientations, it does not replace them.
    const prior = options.angle;
    angles = [...angles].sort((a, b) => Math.abs(a - prior) - Math.abs(b - prior));
  }
  let best: CardRectangle | null = null;
  // The refined angle first, then the raw peak in case refining was pulled towards another long line (a plank seam).
  const tries = angles.flatMap((peak) => {
    const refined = refineCardAngle(g, MIN_EDGE, peak);
    return Math.abs(refined - peak) > 0.3 ? [refined, peak] : [refined];
  });
  for (const angle of tries) {
    const rect = bestRectangleAt(g, angle, options);
    if (rect && (!best || rect.score > best.score)) best = rect;
    // The strongest orientation is nearly always the card's; weaker peaks (plank seams, JPEG blocks) are tried only if it fails.
    if (best && best.score >= CONFIDENT_SCORE) break;
  }
  return best;
}

function bestRectangleAt(g: Gradients, angle: number, options: FindCardOptions): CardRectangle | null {
  const maps = binEdges(g, angle);
  const rows = [...topRuns(maps.rowRunsPos, CANDIDATES_PER_POLARITY), ...topRuns(maps.rowRunsNeg, CANDIDATES_PER_POLARITY)].sort((a, b) => a - b);
  const cols = [...topRuns(maps.colRunsPos, CANDIDATES_PER_POLARITY), ...topRuns(maps.colRunsNeg, CANDIDATES_PER_POLARITY)].sort((a, b) => a - b);
  const minWidth = (options.minWidthFraction ?? 0.3) * Math.max(g.width, g.height);
  const found: CardRectangle[] = [];
  for (let i = 0; i < cols.length; i++) {
    for (let j = i + 1; j < cols.length; j++) {
      const width = cols[j] - cols[i];
      if (width < minWidth) continue;
      for (let k = 0; k < rows.length; k++) {
        for (let l = k + 1; l < rows.length; l++) {
          const height = rows[l] - rows[k], aspect = width / height;
          if (aspect > CARD_ASPECT * ASPECT_TOLERANCE || aspect < CARD_ASPECT / ASPECT_TOLERANCE) continue;
          const rect = scoreRectangle(maps, angle, cols[i], cols[j], rows[k], rows[l]);
          if (rect && rect.score >= MIN_SCORE && (!options.accept || options.accept(rect))) found.push(rect);
        }
      }
    }
  }
  if (found.length === 0) return null;
  // Near-ties in coverage (the card's edge vs its shadow's outer ramp) go to the stronger edges.
  const top = Math.max(...found.map((r) => r.score));
  const contenders = found.filter((r) => r.score >= top - SCORE_TIE);
  return contenders.reduce((a, b) => (sideContrast(g, b) > sideContrast(g, a) ? b : a));
}

function scoreRectangle(m: EdgeMaps, angle: number, left: number, right: number, top: number, bottom: number): CardRectangle | null {
  // Rounded corners (R 3.18 mm) carry no straight edge: measure the middle 88 % of each side.
  const du = 0.06 * (right - left), dv = 0.06 * (bottom - top);
  const u0 = Math.round(left + du), u1 = Math.round(right - du), v0 = Math.round(top + dv), v1 = Math.round(bottom - dv);
  const along = (p: Int32Array, line: number, len: number, a: number, b: number) => (p[line * (len + 1) + b] - p[line * (len + 1) + a]) / (b - a);
  const side = (pos: Int32Array, neg: Int32Array, line: number, len: number, a: number, b: number) => {
    const cp = along(pos, line, len, a, b), cn = along(neg, line, len, a, b);
    // Within the dilated band an edge and its JPEG ringing (or a shadow) can both cover a side: leave it to the fit.
    const polarity = Math.abs(cp - cn) < POLARITY_MARGIN ? 0 : cp > cn ? 1 : -1;
    return { coverage: Math.max(cp, cn), polarity };
  };
  const t = side(m.rowPos, m.rowNeg, top, m.w, u0, u1), b = side(m.rowPos, m.rowNeg, bottom, m.w, u0, u1);
  const l = side(m.colPos, m.colNeg, left, m.h, v0, v1), r = side(m.colPos, m.colNeg, right, m.h, v0, v1);
  const coverages = [t, b, l, r].map((s) => s.coverage);
  if (Math.min(...coverages) < MIN_SIDE_COVERAGE) return null;
  return {
    angle,
    left: left + m.uMin,
    right: right + m.uMin,
    top: top + m.vMin,
    bottom: bottom + m.vMin,
    polarity: { left: l.polarity, right: r.polarity, top: t.polarity, bottom: b.polarity },
    score: coverages.reduce((a, c) => a + c, 0) / 4,
  };
}
