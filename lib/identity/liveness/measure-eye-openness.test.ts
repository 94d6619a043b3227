import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { decodeImage, type RgbImage } from "../face/decode-image";
import { detectFaces, type Point } from "../face/detect-faces";
import { emulateClosedEyes } from "../face/emulate-closed-eyes";
import { loadFaceModels } from "../face/load-face-models";
import { adjustImage, createImage, rotateImage } from "../face/transform-image";
import { BLINK_MIN_BASELINE_OPENNESS, BLINK_MIN_OPENNESS_DROP } from "./constants";
import { measureEyeOpenness, type PixelBuffer } from "./measure-eye-openness";
import { ASTRONAUT_PATH } from "@/tests/helpers/shared-dir";

const rgb = (img: RgbImage): PixelBuffer => ({ ...img, channels: 3 });
let photo: RgbImage;
let landmarks: Point[];

beforeAll(async () => {
  await loadFaceModels();
  photo = decodeImage(readFileSync(ASTRONAUT_PATH));
  [{ landmarks }] = await detectFaces(photo, { withDescriptors: false });
}, 120_000);

describe("measureEyeOpenness", () => {
  it("is clearly positive for open eyes and collapses for closed lids", () => {
    const open = measureEyeOpenness(rgb(photo), landmarks);
    expect(open).toBeGreaterThan(0.15);
    expect(measureEyeOpenness(rgb(emulateClosedEyes(photo, landmarks, 1)), landmarks)).toBeLessThan(open * 0.2);
  });

  it("reads canvas ImageData (RGBA) exactly like RGB", () => {
    const rgba = new Uint8ClampedArray(photo.width * photo.height * 4);
    for (let i = 0, j = 0; j < photo.data.length; i += 4, j += 3) rgba.set([photo.data[j], photo.data[j + 1], photo.data[j + 2], 255], i);
    const imageData: PixelBuffer = { width: photo.width, height: photo.height, data: rgba, channels: 4 };
    expect(measureEyeOpenness(imageData, landmarks)).toBeCloseTo(measureEyeOpenness(rgb(photo), landmarks), 10);
  });

  it("does not depend on exposure (a darker camera scales skin and eye alike)", () => {
    const open = measureEyeOpenness(rgb(photo), landmarks);
    const darker = { ...photo, data: photo.data.map((v) => Math.round(v * 0.6)) };
    expect(measureEyeOpenness(rgb(darker), landmarks) / open).toBeCloseTo(1, 1);
  });

  it("does not depend on head roll or face size (measured in the eye's own frame)", () => {
    const open = measureEyeOpenness(rgb(photo), landmarks);
    const [cx, cy] = [photo.width / 2, photo.height / 2], r = (10 * Math.PI) / 180;
    // rotateImage turns the picture clockwise on screen; move the points with it.
    const rolled = landmarks.map(([x, y]): Point => [cx + (x - cx) * Math.cos(r) - (y - cy) * Math.sin(r), cy + (x - cx) * Math.sin(r) + (y - cy) * Math.cos(r)]);
    expect(measureEyeOpenness(rgb(rotateImage(photo, 10)), rolled) / open).toBeGreaterThan(0.85);
    expect(measureEyeOpenness(rgb(rotateImage(photo, 10)), rolled) / open).toBeLessThan(1.15);
  });

  it("is NaN when it cannot be measured: too dark, eyes outside the picture, degenerate eyes", () => {
    expect(measureEyeOpenness(rgb(adjustImage(photo, -200)), landmarks)).toBeNaN();
    expect(measureEyeOpenness(rgb(photo), landmarks.map(([x, y]): Point => [x + 600, y]))).toBeNaN();
    expect(measureEyeOpenness(rgb(createImage(64, 64, [128, 128, 128])), landmarks.map((): Point => [30, 30]))).toBeNaN();
  });
});

describe("blink thresholds vs the calibration (tests/fixtures/identity/eye-openness-calibration.json)", () => {
  // Re-run calibrate-eye-openness.ts after changing the measure, the emulation or these constants.
  const faces = JSON.parse(readFileSync(new URL("../../../tests/fixtures/identity/eye-openness-calibration.json", import.meta.url), "utf8")) as {
    face: string;
    openness: number;
    rows: { variant: string; kind: string; drop: number; gated: boolean }[];
  }[];
  const usable = faces.filter((f) => f.openness >= BLINK_MIN_BASELINE_OPENNESS);
  const drops = (pick: (r: { variant: string; kind: string }) => boolean) =>
    usable.flatMap((f) => f.rows.filter((r) => pick(r) && !r.gated).map((r) => r.drop));

  it("covers many people, most of them measurable", () => {
    expect(faces.length).toBeGreaterThanOrEqual(20);
    expect(usable.length).toBeGreaterThanOrEqual(12);
  });

  it("no non-blink frame of a measurable face reaches the drop threshold, with ≥ 10 points to spare", () => {
    expect(Math.max(...drops((r) => r.kind !== "blink"))).toBeLessThan(BLINK_MIN_OPENNESS_DROP - 0.1);
  });

  it("every full emulated blink of a measurable face reaches it", () => {
    expect(Math.min(...drops((r) => r.variant.startsWith("blink 1")))).toBeGreaterThanOrEqual(BLINK_MIN_OPENNESS_DROP);
  });
});
