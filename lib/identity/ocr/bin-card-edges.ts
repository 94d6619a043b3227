// Edge pixels of a grey photo binned in the frame rotated by a candidate
// card angle, where the card's sides are axis-parallel: four flag maps (edges
// across rows / columns, each polarity), dilated to bridge rounding holes,
// as prefix sums (coverage of any segment in O(1)) and longest runs per line.
import type { Gradients } from "./edge-gradients";

/** Weakest gradient counted as an edge, in grey levels per pixel. */
export const MIN_EDGE = 3;

export interface EdgeMaps {
  uMin: number;
  vMin: number;
  w: number;
  h: number;
  /** Prefix sums of dilated edge flags: rows along u (horizontal sides), columns along v (vertical sides). */
  rowPos: Int32Array;
  rowNeg: Int32Array;
  colPos: Int32Array;
  colNeg: Int32Array;
  rowRunsPos: Int32Array;
  rowRunsNeg: Int32Array;
  colRunsPos: Int32Array;
  colRunsNeg: Int32Array;
}

export function binEdges(g: Gradients, angle: number): EdgeMaps {
  const r = (angle * Math.PI) / 180, c = Math.cos(r), s = Math.sin(r);
  const corners = [[0, 0], [g.width, 0], [0, g.height], [g.width, g.height]];
  const us = corners.map(([x, y]) => x * c + y * s), vs = corners.map(([x, y]) => -x * s + y * c);
  const uMin = Math.floor(Math.min(...us)), vMin = Math.floor(Math.min(...vs));
  const w = Math.ceil(Math.max(...us)) - uMin + 1, h = Math.ceil(Math.max(...vs)) - vMin + 1;
  const flags = [new Uint8Array(w * h), new Uint8Array(w * h), new Uint8Array(w * h), new Uint8Array(w * h)];
  for (let y = 1; y < g.height - 1; y++) {
    for (let x = 1; x < g.width - 1; x++) {
      const i = y * g.width + x;
      if (g.magnitude[i] < MIN_EDGE) continue;
      const gu = g.gx[i] * c + g.gy[i] * s, gv = -g.gx[i] * s + g.gy[i] * c;
      const cell = Math.round(-x * s + y * c - vMin) * w + Math.round(x * c + y * s - uMin);
      // Only gradients within ~27° of a card axis count: 2:1 dominance.
      if (Math.abs(gv) > 2 * Math.abs(gu)) flags[gv > 0 ? 0 : 1][cell] = 1;
      else if (Math.abs(gu) > 2 * Math.abs(gv)) flags[gu > 0 ? 2 : 3][cell] = 1;
    }
  }
  const [hp, hn, vp, vn] = flags;
  const rows = (f: Uint8Array) => prefixAlong(dilate(f, w, h, 1, 2), w, h, true);
  const cols = (f: Uint8Array) => prefixAlong(dilate(f, w, h, 2, 1), w, h, false);
  const rowPos = rows(hp), rowNeg = rows(hn), colPos = cols(vp), colNeg = cols(vn);
  return {
    uMin, vMin, w, h, rowPos, rowNeg, colPos, colNeg,
    rowRunsPos: longestRuns(rowPos, w, h, true), rowRunsNeg: longestRuns(rowNeg, w, h, true),
    colRunsPos: longestRuns(colPos, w, h, false), colRunsNeg: longestRuns(colNeg, w, h, false),
  };
}

/**
 * Max over a (2·du+1)×(2·dv+1) window: bridges the holes that rounding
 * rotated pixel centres leaves, and a side that is off by a fraction of a degree.
 */
function dilate(f: Uint8Array, w: number, h: number, du: number, dv: number): Uint8Array {
  const a = new Uint8Array(f.length), b = new Uint8Array(f.length);
  for (let v = 0; v < h; v++) {
    for (let u = 0; u < w; u++) {
      if (!f[v * w + u]) continue;
      for (let k = Math.max(0, u - du); k <= Math.min(w - 1, u + du); k++) a[v * w + k] = 1;
    }
  }
  for (let v = 0; v < h; v++) {
    for (let u = 0; u < w; u++) {
      if (!a[v * w + u]) continue;
      for (let k = Math.max(0, v - dv); k <= Math.min(h - 1, v + dv); k++) b[k * w + u] = 1;
    }
  }
  return b;
}

/** Prefix sums along u for each row (alongU) or along v for each column; (n+1) entries per line. */
function prefixAlong(f: Uint8Array, w: number, h: number, alongU: boolean): Int32Array {
  const [lines, len] = alongU ? [h, w] : [w, h];
  const out = new Int32Array(lines * (len + 1));
  for (let line = 0; line < lines; line++) {
    for (let t = 0; t < len; t++) {
      const flag = alongU ? f[line * w + t] : f[t * w + line];
      out[line * (len + 1) + t + 1] = out[line * (len + 1) + t] + flag;
    }
  }
  return out;
}

/** Longest unbroken run of edge flags in each line, read back from the prefix sums. */
function longestRuns(prefix: Int32Array, w: number, h: number, alongU: boolean): Int32Array {
  const [lines, len] = alongU ? [h, w] : [w, h];
  const out = new Int32Array(lines);
  for (let line = 0; line < lines; line++) {
    let run = 0;
    for (let t = 0; t < len; t++) {
      const on = prefix[line * (len + 1) + t + 1] - prefix[line * (len + 1) + t];
      run = on ? run + 1 : 0;
      if (run > out[line]) out[line] = run;
    }
  }
  return out;
}

/**
 * Lines with the longest runs, at least 4 px apart (non-maximum suppression).
 * Dilation makes an edge a plateau of ~5 equal lines; its middle is the edge.
 */
export function topRuns(runs: Int32Array, perPolarity: number): number[] {
  const order = Array.from(runs.keys()).sort((a, b) => runs[b] - runs[a]);
  const picked: number[] = [];
  for (const i of order) {
    if (picked.length >= perPolarity || runs[i] < 8) break;
    let lo = i, hi = i;
    while (lo > 0 && runs[lo - 1] === runs[i]) lo--;
    while (hi < runs.length - 1 && runs[hi + 1] === runs[i]) hi++;
    const centre = Math.round((lo + hi) / 2);
    if (picked.every((p) => Math.abs(p - centre) >= 4)) picked.push(centre);
  }
  return picked;
}

