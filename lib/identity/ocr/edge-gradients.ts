// Sobel gradients of the grey image and the dominant edge orientation. A card
// on a table gives long straight edges and — on both sides of the card — text
// whose strokes are mostly parallel to the card's sides, so the strongest
// orientation (mod 90°) is the card's rotation. Table texture is roughly
// isotropic and spreads over all bins.
import type { GrayImage } from "./gray-image";

export interface Gradients {
  width: number;
  height: number;
  gx: Float32Array;
  gy: Float32Array;
  /** |∇| in grey levels per pixel (Sobel / 8). */
  magnitude: Float32Array;
}

export function sobel(img: GrayImage): Gradients {
  const { width: w, height: h, data: d } = img;
  const gx = new Float32Array(w * h), gy = new Float32Array(w * h), magnitude = new Float32Array(w * h);
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      const i = y * w + x;
      const a = d[i - w - 1], b = d[i - w], c = d[i - w + 1], l = d[i - 1], r = d[i + 1], e = d[i + w - 1], f = d[i + w], g = d[i + w + 1];
      const sx = (c + 2 * r + g - a - 2 * l - e) / 8, sy = (e + 2 * f + g - a - 2 * b - c) / 8;
      gx[i] = sx;
      gy[i] = sy;
      magnitude[i] = Math.hypot(sx, sy);
    }
  }
  return { width: w, height: h, gx, gy, magnitude };
}

const BINS_PER_DEGREE = 4;

/**
 * Up to `count` orientation peaks (degrees, clockwise on screen) within
 * ±maxDegrees, strongest first, from a magnitude-weighted histogram of
 * gradient directions folded mod 90°.
 */
export function dominantAngles(g: Gradients, minMagnitude: number, maxDegrees: number, count: number): number[] {
  const bins = 90 * BINS_PER_DEGREE;
  const hist = new Float64Array(bins);
  for (let i = 0; i < g.magnitude.length; i++) {
    const m = g.magnitude[i];
    if (m < minMagnitude) continue;
    const deg = (Math.atan2(g.gy[i], g.gx[i]) * 180) / Math.PI;
    const folded = (((deg % 90) + 135) % 90) - 45; // [-45, 45)
    hist[Math.floor((folded + 45) * BINS_PER_DEGREE) % bins] += m;
  }
  // Circular smoothing over ±1°: single-pixel quantisation of near-axis gradients is spiky.
  const smooth = new Float64Array(bins), k = BINS_PER_DEGREE;
  for (let i = 0; i < bins; i++) {
    for (let j = -k; j <= k; j++) smooth[i] += hist[(i + j + bins) % bins] * (k + 1 - Math.abs(j));
  }
  const peaks: { deg: number; value: number }[] = [];
  for (let i = 0; i < bins; i++) {
    const prev = smooth[(i - 1 + bins) % bins], next = smooth[(i + 1) % bins], v = smooth[i];
    if (v <= prev || v < next) continue;
    const offset = (prev - next) / (2 * (prev - 2 * v + next) || 1); // parabolic sub-bin peak
    const deg = (i + 0.5 + offset) / BINS_PER_DEGREE - 45;
    if (Math.abs(deg) <= maxDegrees) peaks.push({ deg, value: v });
  }
  peaks.sort((a, b) => b.value - a.value);
  return peaks.filter((p) => p.value >= 0.2 * peaks[0].value).slice(0, count).map((p) => p.deg);
}

