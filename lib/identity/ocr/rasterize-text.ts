// Test support: draws text into an RgbImage with a real CJK font (Noto Sans SC
// from npm) and no canvas — glyph outlines from fontkit, flattened and filled
// with a non-zero-winding scanline rasteriser, 4 sub-rows per pixel with exact
// horizontal coverage for anti-aliasing. Enough to print a synthetic ID card.
import type { Font } from "@pdf-lib/fontkit";
import type { RgbImage } from "../face/decode-image";

type Edge = { x0: number; y0: number; x1: number; y1: number; dir: 1 | -1 };
const SUB_ROWS = 4;
const CURVE_STEPS = 8;

export function drawText(img: RgbImage, font: Font, text: string, x: number, baseline: number, sizePx: number, rgb: number[]): number {
  const scale = sizePx / font.unitsPerEm;
  const run = font.layout(text);
  const edges: Edge[] = [];
  let pen = 0;
  run.glyphs.forEach((glyph, i) => {
    const pos = run.positions[i];
    const ox = x + (pen + pos.xOffset) * scale, oy = baseline - pos.yOffset * scale;
    collectEdges(glyph.path.toFunction() as (ctx: unknown) => void, (gx, gy) => [ox + gx * scale, oy - gy * scale], edges);
    pen += pos.xAdvance;
  });
  fillEdges(img, edges, rgb);
  return pen * scale;
}

function collectEdges(draw: (ctx: unknown) => void, map: (x: number, y: number) => [number, number], edges: Edge[]): void {
  let start: [number, number] = [0, 0], cur: [number, number] = [0, 0];
  const line = (p: [number, number]) => {
    if (p[1] !== cur[1]) {
      const down = p[1] > cur[1];
      edges.push(down ? { x0: cur[0], y0: cur[1], x1: p[0], y1: p[1], dir: 1 } : { x0: p[0], y0: p[1], x1: cur[0], y1: cur[1], dir: -1 });
    }
    cur = p;
  };
  const curve = (pt: (t: number) => [number, number]) => {
    for (let s = 1; s <= CURVE_STEPS; s++) line(pt(s / CURVE_STEPS));
  };
  draw({
    moveTo: (x: number, y: number) => (start = cur = map(x, y)),
    lineTo: (x: number, y: number) => line(map(x, y)),
    quadraticCurveTo: (cx: number, cy: number, x: number, y: number) => {
      const [p0, p1, p2] = [cur, map(cx, cy), map(x, y)];
      curve((t) => [0, 1].map((k) => (1 - t) ** 2 * p0[k] + 2 * (1 - t) * t * p1[k] + t * t * p2[k]) as [number, number]);
    },
    bezierCurveTo: (ax: number, ay: number, bx: number, by: number, x: number, y: number) => {
      const [p0, p1, p2, p3] = [cur, map(ax, ay), map(bx, by), map(x, y)];
      curve((t) => [0, 1].map((k) => (1 - t) ** 3 * p0[k] + 3 * (1 - t) ** 2 * t * p1[k] + 3 * (1 - t) * t * t * p2[k] + t ** 3 * p3[k]) as [number, number]);
    },
    closePath: () => line(start),
  });
}

function fillEdges(img: RgbImage, edges: Edge[], rgb: number[]): void {
  if (edges.length === 0) return;
  const top = Math.max(0, Math.floor(Math.min(...edges.map((e) => e.y0))));
  const bottom = Math.min(img.height - 1, Math.ceil(Math.max(...edges.map((e) => e.y1))));
  const cover = new Float32Array(img.width + 2);
  for (let py = top; py <= bottom; py++) {
    cover.fill(0);
    for (let s = 0; s < SUB_ROWS; s++) {
      const y = py + (s + 0.5) / SUB_ROWS;
      const hits = edges
        .filter((e) => y >= e.y0 && y < e.y1)
        .map((e) => ({ x: e.x0 + ((y - e.y0) / (e.y1 - e.y0)) * (e.x1 - e.x0), dir: e.dir }))
        .sort((a, b) => a.x - b.x);
      let winding = 0;
      for (let i = 0; i < hits.length - 1; i++) {
        winding += hits[i].dir;
        if (winding !== 0) addSpan(cover, hits[i].x, hits[i + 1].x, img.width);
      }
    }
    for (let px = 0; px < img.width; px++) {
      const a = Math.min(1, cover[px] / SUB_ROWS);
      if (a <= 0) continue;
      const o = (py * img.width + px) * 3;
      for (let c = 0; c < 3; c++) img.data[o + c] = Math.round(img.data[o + c] * (1 - a) + rgb[c] * a);
    }
  }
}

/** Adds exact horizontal coverage of [x0, x1) to the row buffer. */
function addSpan(cover: Float32Array, x0: number, x1: number, width: number): void {
  const a = Math.max(0, x0), b = Math.min(width, x1);
  if (b <= a) return;
  const ia = Math.floor(a), ib = Math.floor(b);
  if (ia === ib) {
    cover[ia] += b - a;
    return;
  }
  cover[ia] += ia + 1 - a;
  for (let i = ia + 1; i < ib; i++) cover[i] += 1;
  if (ib < width) cover[ib] += b - ib;
}
