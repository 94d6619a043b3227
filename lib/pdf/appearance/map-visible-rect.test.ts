import { expect, test } from "vitest";
import { mapVisibleRect } from "./map-visible-rect";

const crop: [number, number, number, number] = [10, 20, 610, 820]; // 600 × 800, not at the origin
const r = { x: 100, y: 50, width: 200, height: 80 };

test.each([
  [0, [110, 690, 310, 770], 600, 800],
  [90, [60, 120, 140, 320], 800, 600],
  [180, [310, 70, 510, 150], 600, 800],
  [270, [480, 520, 560, 720], 800, 600],
] as const)("rotate %i", (rotate, expected, vw, vh) => {
  const m = mapVisibleRect(r, crop, rotate);
  expect(m.rect).toEqual(expected);
  expect(m.visibleSize).toEqual({ width: vw, height: vh });
});

test("rectangles outside the visible page are refused", () => {
  expect(() => mapVisibleRect({ x: 550, y: 0, width: 100, height: 10 }, crop, 0)).toThrow(/outside/);
  expect(() => mapVisibleRect({ x: 0, y: 550, width: 10, height: 100 }, crop, 90)).toThrow(/outside/);
  expect(() => mapVisibleRect({ x: 0, y: 0, width: 0, height: 10 }, crop, 0)).toThrow(/outside/);
  expect(() => mapVisibleRect({ x: Number.NaN, y: 0, width: 10, height: 10 }, crop, 0)).toThrow(/outside/);
});
