// How strong a candidate rectangle's sides are as edges: the median gradient
// magnitude along each side (best of ±2 px across it), averaged over the four
// sides. Coverage alone cannot tell the card's edge from the soft ramp of its
// shadow a few px further out — both are unbroken lines — but the card's edge
// is a step of tens of grey levels and the ramp a few per pixel.
import type { Gradients } from "./edge-gradients";
import type { CardRectangle } from "./find-card-rectangle";

const SAMPLES = 24;

export function sideContrast(g: Gradients, rect: CardRectangle): number {
  const r = (rect.angle * Math.PI) / 180, c = Math.cos(r), s = Math.sin(r);
  const magnitudeAt = (u: number, v: number) => {
    const x = Math.round(u * c - v * s), y = Math.round(u * s + v * c);
    return x < 0 || y < 0 || x >= g.width || y >= g.height ? 0 : g.magnitude[y * g.width + x];
  };
  const side = (fixed: number, from: number, to: number, horizontal: boolean) => {
    const values: number[] = [];
    for (let k = 0; k < SAMPLES; k++) {
      const t = from + (to - from) * (0.1 + (0.8 * k) / (SAMPLES - 1));
      let best = 0;
      for (let d = -2; d <= 2; d++) best = Math.max(best, horizontal ? magnitudeAt(t, fixed + d) : magnitudeAt(fixed + d, t));
      values.push(best);
    }
    return values.sort((a, b) => a - b)[SAMPLES >> 1];
  };
  const { left, right, top, bottom } = rect;
  return (side(top, left, right, true) + side(bottom, left, right, true) + side(left, top, bottom, false) + side(right, top, bottom, false)) / 4;
}
