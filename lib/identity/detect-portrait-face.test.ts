import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { detectPortraitFace } from "./detect-portrait-face";
import { compareFaces, FACE_MATCH_THRESHOLD } from "./face/compare-faces";
import { decodeImage, type RgbImage } from "./face/decode-image";
import { detectFaces, type DetectedFace } from "./face/detect-faces";
import { drawPortraitCard } from "./face/same-face-variants";
import { cropImage, grayscaleImage, resizeImage } from "./face/transform-image";
import { ASTRONAUT_PATH } from "@/tests/helpers/shared-dir";

let astronaut: RgbImage;
let ref: DetectedFace;
beforeAll(async () => {
  astronaut = decodeImage(readFileSync(ASTRONAUT_PATH));
  [ref] = await detectFaces(astronaut);
}, 120_000);

describe("detectPortraitFace", () => {
  it("finds the portrait on a whole-card photo", async () => {
    const face = await detectPortraitFace(drawPortraitCard(astronaut, ref.box));
    expect(compareFaces(face!.descriptor!, ref.descriptor!)).toBeLessThan(FACE_MATCH_THRESHOLD);
  });

  it("finds a tight 102×126 portrait crop that the detector alone misses", async () => {
    const { x, y, width, height } = ref.box;
    const tight = grayscaleImage(resizeImage(cropImage(astronaut, x - width * 0.3, y - height * 0.35, width * 1.6, height * 1.75), 102, 126));
    expect(await detectFaces(tight)).toHaveLength(0);
    const face = await detectPortraitFace(tight);
    expect(face).not.toBeNull();
    expect(compareFaces(face!.descriptor!, ref.descriptor!)).toBeLessThan(FACE_MATCH_THRESHOLD);
  });
});
