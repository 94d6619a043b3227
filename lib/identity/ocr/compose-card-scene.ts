// Test support: a phone-photo-like scene of a drawn card lying on a table —
// the card scaled, rotated, with rounded corners (R 3.18 mm per ISO/IEC 7810)
// and a soft shadow, on a plain, gradient, textured or light background,
// under uneven light and with sensor noise. JPEG-encode the result to finish
// the "uploaded photo" emulation. Deterministic for a given seed.
import type { RgbImage } from "../face/decode-image";

/** "paper": the card's own colour — with `shadow: false` the card's outline all but disappears. */
export type SceneBackground = "plain" | "gradient" | "textured" | "light" | "paper";

export interface CardSceneOptions {
  width: number;
  height: number;
  background: SceneBackground;
  /** Card width as a fraction of the frame width (before rotation); 0 for the table alone. */
  cardWidthFraction: number;
  /** Clockwise on screen, like rotateImage. */
  degrees: number;
  /** Card centre offset from the frame centre, as fractions of the frame size. */
  offset?: [number, number];
  seed?: number;
  /** Soft shadow offset as fractions of the frame width (default [0.015, 0.015]: light from the top left); false for none. */
  shadow?: [number, number] | false;
}

const CORNER_RADIUS_MM = 3.18;

export function composeCardScene(card: RgbImage, o: CardSceneOptions): RgbImage {
  const random = mulberry32(o.seed ?? 1);
  const out = paintBackground(o, random);
  const s = (o.width * o.cardWidthFraction) / card.width; // card px → scene px
  const r = (o.degrees * Math.PI) / 180, cos = Math.cos(r), sin = Math.sin(r);
  const cx = o.width * (0.5 + (o.offset?.[0] ?? 0)), cy = o.height * (0.5 + (o.offset?.[1] ?? 0));
  const radius = (CORNER_RADIUS_MM / 85.6) * card.width, halfW = card.width / 2, halfH = card.height / 2;
  const [shx, shy] = (o.shadow || [0.015, 0.015]).map((f) => f * o.width), shadow = Math.hypot(shx, shy) / Math.SQRT2;
  const sample = new Uint8Array(3);
  for (let y = 0; y < (s > 0 ? o.height : 0); y++) {
    for (let x = 0; x < o.width; x++) {
      // Scene → card coordinates (inverse rotation), then signed distance to the rounded rectangle in scene px.
      const dx = x + 0.5 - cx, dy = y + 0.5 - cy;
      const u = (dx * cos + dy * sin) / s, v = (-dx * sin + dy * cos) / s;
      const dist = roundedRectDistance(u, v, halfW, halfH, radius) * s;
      const o3 = (y * o.width + x) * 3;
      if (dist > 0 && o.shadow !== false) {
        // The card's outline shifted by the shadow offset in scene space, darker close to its edge.
        const su = ((dx - shx) * cos + (dy - shy) * sin) / s, sv = (-(dx - shx) * sin + (dy - shy) * cos) / s;
        const sd = roundedRectDistance(su, sv, halfW, halfH, radius) * s;
        if (sd < shadow) for (let c = 0; c < 3; c++) out.data[o3 + c] *= 0.7 + 0.3 * Math.max(0, sd / shadow);
      }
      const alpha = Math.min(1, Math.max(0, 0.5 - dist));
      if (alpha <= 0) continue;
      bilinear(card, u + halfW - 0.5, v + halfH - 0.5, sample);
      for (let c = 0; c < 3; c++) out.data[o3 + c] = out.data[o3 + c] * (1 - alpha) + sample[c] * alpha;
    }
  }
  lightAndNoise(out, random);
  return out;
}

/** Where the card's (square) corners land in the scene, in pixel-centre coordinates: TL, TR, BR, BL as the card reads. */
export function cardCornersInScene(card: { width: number; height: number }, o: CardSceneOptions): [number, number][] {
  const s = (o.width * o.cardWidthFraction) / card.width, r = (o.degrees * Math.PI) / 180;
  const cx = o.width * (0.5 + (o.offset?.[0] ?? 0)), cy = o.height * (0.5 + (o.offset?.[1] ?? 0));
  return [[-1, -1], [1, -1], [1, 1], [-1, 1]].map(([a, b]) => {
    const u = (a * card.width) / 2, v = (b * card.height) / 2;
    return [cx + s * (u * Math.cos(r) - v * Math.sin(r)) - 0.5, cy + s * (u * Math.sin(r) + v * Math.cos(r)) - 0.5];
  });
}

function roundedRectDistance(u: number, v: number, halfW: number, halfH: number, r: number): number {
  const qx = Math.abs(u) - (halfW - r), qy = Math.abs(v) - (halfH - r);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}

function paintBackground(o: CardSceneOptions, random: () => number): RgbImage {
  const data = new Uint8Array(o.width * o.height * 3);
  const lattice = Float64Array.from({ length: 64 * 64 }, () => random());
  const seams = [random(), random()].map((p) => ({ slope: Math.tan(0.3 * (random() - 0.5)), at: p * o.height }));
  for (let y = 0, i = 0; y < o.height; y++) {
    for (let x = 0; x < o.width; x++, i += 3) {
      let r: number, g: number, b: number;
      if (o.background === "plain") [r, g, b] = [62, 68, 78];
      else if (o.background === "light") [r, g, b] = [244, 243, 240];
      else if (o.background === "paper") [r, g, b] = [232, 236, 238];
      else if (o.background === "gradient") {
        const t = (x / o.width + y / o.height) / 2;
        [r, g, b] = [90 + 120 * t, 70 + 110 * t, 50 + 100 * t];
      } else {
        // Wood-like: streaky value noise, fine grain, and straight plank seams (long lines that are not the card).
        const grain = valueNoise(lattice, x / 90, y / 14) * 0.7 + valueNoise(lattice, x / 23, y / 4) * 0.3;
        const seam = Math.abs(y - seams[0].at - seams[0].slope * x) < 2 || Math.abs(y - seams[1].at - seams[1].slope * x) < 2;
        const l = seam ? 0.35 : 0.75 + 0.5 * grain;
        [r, g, b] = [150 * l, 105 * l, 65 * l];
      }
      data[i] = r;
      data[i + 1] = g;
      data[i + 2] = b;
    }
  }
  return { width: o.width, height: o.height, data };
}

/** Light falling off towards one corner (±12 %) and ±4 levels of sensor noise. */
function lightAndNoise(img: RgbImage, random: () => number): void {
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      const gain = 1.04 - 0.16 * ((x / img.width) * 0.6 + (y / img.height) * 0.4);
      const o = (y * img.width + x) * 3;
      for (let c = 0; c < 3; c++) img.data[o + c] = Math.max(0, Math.min(255, Math.round(img.data[o + c] * gain + (random() - 0.5) * 8)));
    }
  }
}

function valueNoise(lattice: Float64Array, x: number, y: number): number {
  const x0 = Math.floor(x), y0 = Math.floor(y), fx = x - x0, fy = y - y0;
  const i0 = x0 & 63, i1 = (x0 + 1) & 63, j0 = (y0 & 63) << 6, j1 = ((y0 + 1) & 63) << 6;
  const sx = fx * fx * (3 - 2 * fx), sy = fy * fy * (3 - 2 * fy);
  const top = lattice[j0 | i0] * (1 - sx) + lattice[j0 | i1] * sx, bottom = lattice[j1 | i0] * (1 - sx) + lattice[j1 | i1] * sx;
  return top * (1 - sy) + bottom * sy;
}

function bilinear(img: RgbImage, x: number, y: number, out: Uint8Array): void {
  const cx = Math.min(Math.max(x, 0), img.width - 1), cy = Math.min(Math.max(y, 0), img.height - 1);
  const x0 = Math.floor(cx), y0 = Math.floor(cy), x1 = Math.min(x0 + 1, img.width - 1), y1 = Math.min(y0 + 1, img.height - 1);
  const fx = cx - x0, fy = cy - y0;
  for (let c = 0; c < 3; c++) {
    const a = img.data[(y0 * img.width + x0) * 3 + c], b = img.data[(y0 * img.width + x1) * 3 + c];
    const d = img.data[(y1 * img.width + x0) * 3 + c], e = img.data[(y1 * img.width + x1) * 3 + c];
    out[c] = Math.round((a * (1 - fx) + b * fx) * (1 - fy) + (d * (1 - fx) + e * fx) * fy);
  }
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
