import { describe, expect, it } from "vitest";
import { CROP_MARGIN, guideToVideoRect } from "./guide-to-video-rect";

const near = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThan(0.01);

describe("guideToVideoRect", () => {
  it("maps a guide on a portrait phone preview of a portrait 1080×1920 stream (cover crops the sides)", () => {
    // 390×740 preview, stream scaled by max(390/1080, 740/1920) = 0.3854 → 416×740, 13 px cut each side.
    const guide = { x: 23.4, y: 262.5, width: 343.2, height: 216.5 };
    const r = guideToVideoRect({ width: 390, height: 740 }, { width: 1080, height: 1920 }, guide);
    const s = 740 / 1920, ox = (390 - 1080 * s) / 2;
    near(r.width, (343.2 * (1 + 2 * CROP_MARGIN)) / s);
    near(r.x, (23.4 - 343.2 * CROP_MARGIN - ox) / s);
    near(r.y, (262.5 - 216.5 * CROP_MARGIN) / s);
    expect(r.width / r.height).toBeCloseTo(343.2 / 216.5, 2);
  });

  it("maps a landscape stream shown in a portrait box (cover crops left and right a lot)", () => {
    const r = guideToVideoRect({ width: 400, height: 800 }, { width: 1280, height: 720 }, { x: 0, y: 300, width: 400, height: 200 });
    // scale 800/720; the visible part of the frame is x 460..820.
    const s = 800 / 720, ox = (400 - 1280 * s) / 2;
    near(r.x, (0 - 400 * CROP_MARGIN - ox) / s);
    expect(r.x + r.width).toBeLessThanOrEqual(1280);
  });

  it("clips to the frame when the guide and its margin reach past it", () => {
    const r = guideToVideoRect({ width: 100, height: 100 }, { width: 100, height: 100 }, { x: 0, y: 0, width: 100, height: 100 });
    expect(r).toEqual({ x: 0, y: 0, width: 100, height: 100 });
  });
});
