// Test support: a synthetic back side (the national-emblem side) of a resident
// ID card — not a real template, no security features. Same 856×540 px
// (10 px/mm) frame as drawIdCardFront; positions follow the 2nd-generation
// card: emblem top left, "中华人民共和国" and a large spaced "居民身份证" to its
// right, 签发机关 and 有效期限 in the bottom third. A faint wavy background
// pattern stands in for the guilloche so OCR and edge finding see some clutter.
import type { RgbImage } from "../face/decode-image";
import { createImage } from "../face/transform-image";
import { loadCardFont } from "./load-card-font";
import { drawText } from "./rasterize-text";

export interface IdCardBackFields {
  /** 签发机关, e.g. "深圳市公安局南山分局". */
  issuer: string;
  /** 有效期限 as printed, e.g. "2016.01.01-2036.01.01" or "2020.05.01-长期". */
  validity: string;
}

const PAPER: [number, number, number] = [232, 236, 238];
const RED = [200, 30, 35], GOLD = [235, 190, 60];

export function drawIdCardBack({ issuer, validity }: IdCardBackFields): RgbImage {
  const card = createImage(856, 540, PAPER);
  drawGuilloche(card);
  drawEmblem(card, 150, 150, 95);
  const bold = loadCardFont("700Bold"), regular = loadCardFont();
  const ink = [20, 20, 20];
  drawSpaced(card, bold, "中华人民共和国", 300, 125, 44, 64, ink);
  drawSpaced(card, bold, "居民身份证", 290, 250, 76, 104, ink);
  drawText(card, regular, "签发机关", 140, 410, 26, ink);
  drawText(card, regular, issuer, 290, 410, 30, ink);
  drawText(card, regular, "有效期限", 140, 470, 26, ink);
  drawText(card, regular, validity, 290, 470, 30, ink);
  return card;
}

function drawSpaced(card: RgbImage, font: ReturnType<typeof loadCardFont>, text: string, x: number, baseline: number, size: number, pitch: number, rgb: number[]): void {
  [...text].forEach((ch, i) => drawText(card, font, ch, x + i * pitch, baseline, size, rgb));
}

function drawGuilloche(card: RgbImage): void {
  for (let y = 0; y < card.height; y++) {
    for (let x = 0; x < card.width; x++) {
      const p = Math.abs(Math.sin(y * 0.09 + 3 * Math.sin(x * 0.013)));
      if (p > 0.12) continue;
      const o = (y * card.width + x) * 3, a = 0.5 * (1 - p / 0.12);
      for (let c = 0; c < 3; c++) card.data[o + c] = Math.round(card.data[o + c] * (1 - a) + [205, 215, 225][c] * a);
    }
  }
}

/** A red disc in a gold ring with a large and four small gold stars: emblem-like, nothing more. */
function drawEmblem(card: RgbImage, cx: number, cy: number, r: number): void {
  fillShape(card, cx, cy, r, GOLD, (dx, dy) => Math.hypot(dx, dy) <= r);
  fillShape(card, cx, cy, r, RED, (dx, dy) => Math.hypot(dx, dy) <= r * 0.82);
  const stars: [number, number, number][] = [[0, -0.35, 0.28], [-0.42, -0.05, 0.1], [-0.3, 0.2, 0.1], [0.3, 0.2, 0.1], [0.42, -0.05, 0.1]];
  for (const [sx, sy, sr] of stars) {
    fillShape(card, cx + sx * r, cy + sy * r, sr * r, GOLD, (dx, dy) => insideStar(dx / (sr * r), dy / (sr * r)));
  }
  fillShape(card, cx, cy + 0.45 * r, 0.5 * r, GOLD, (dx, dy) => Math.abs(dx) <= 0.45 * r && Math.abs(dy) <= 0.12 * r);
}

/** Fills pixels within `r` of (cx, cy) where `inside` holds, 2×2 supersampled. */
function fillShape(card: RgbImage, cx: number, cy: number, r: number, rgb: number[], inside: (dx: number, dy: number) => boolean): void {
  for (let y = Math.floor(cy - r); y <= Math.ceil(cy + r); y++) {
    for (let x = Math.floor(cx - r); x <= Math.ceil(cx + r); x++) {
      let hits = 0;
      for (const [ox, oy] of [[0.25, 0.25], [0.75, 0.25], [0.25, 0.75], [0.75, 0.75]]) if (inside(x + ox - cx, y + oy - cy)) hits++;
      if (hits === 0 || x < 0 || y < 0 || x >= card.width || y >= card.height) continue;
      const o = (y * card.width + x) * 3, a = hits / 4;
      for (let c = 0; c < 3; c++) card.data[o + c] = Math.round(card.data[o + c] * (1 - a) + rgb[c] * a);
    }
  }
}

const STAR = Array.from({ length: 10 }, (_, i) => {
  const a = -Math.PI / 2 + (i * Math.PI) / 5, r = i % 2 ? 0.38 : 1;
  return [r * Math.cos(a), r * Math.sin(a)];
});

/** Five-pointed star of unit outer radius, point up (even-odd test on its 10 vertices). */
function insideStar(x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = 9; i < 10; j = i++) {
    const [xi, yi] = STAR[i], [xj, yj] = STAR[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
