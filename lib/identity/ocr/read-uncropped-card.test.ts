// OCR of whole phone photos: the card lies on a table, is located, deskewed
// and read — real tesseract and face-api runs on drawn cards composed into
// photo-like scenes (compose-card-scene.ts), JPEG-encoded and decoded.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeImage, encodeJpeg, type RgbImage } from "../face/decode-image";
import { composeCardScene, type CardSceneOptions, type SceneBackground } from "./compose-card-scene";
import { isCroppedCard } from "./crop-to-card";
import { drawIdCardBack } from "./draw-id-card-back";
import { drawIdCardFront } from "./draw-id-card";
import { frameIdPhoto } from "./frame-id-photo";
import { stopIdCardOcr } from "./ocr-worker";
import { readIdCardBack } from "./read-id-card-back";
import { readIdCardText } from "./read-id-card-text";
import { ASTRONAUT_PATH } from "@/tests/helpers/shared-dir";

const FIELDS = { name: "张三丰", sex: "女", ethnicity: "汉", birth: [1985, 12, 31], address: "广东省深圳市南山区科技园路1号", idNumber: "440305198512310026" } as const;
const BACK = { issuer: "深圳市公安局南山分局", validity: "2016.01.01-2036.01.01" };
const astronaut = decodeImage(readFileSync(ASTRONAUT_PATH));
const back = drawIdCardBack(BACK);
let front: RgbImage;

beforeAll(async () => {
  front = drawIdCardFront({ ...FIELDS, birth: [1985, 12, 31] }, await frameIdPhoto(astronaut));
}, 60_000);
afterAll(() => stopIdCardOcr());

type Scene = [background: SceneBackground, cardWidthFraction: number, degrees: number, quality: number];
const SHADOWS: CardSceneOptions["shadow"][] = [[0.015, 0.015], [-0.015, -0.01], [0.02, -0.006], false];

/** Every background × 0°, ±8°, ±15°, cycling card sizes (40–80 % of the width) and JPEG qualities. */
const SCENES: Scene[] = (["plain", "gradient", "textured", "light"] as SceneBackground[]).flatMap((background, b) =>
  [0, 8, -8, 15, -15].map((degrees, d): Scene => [background, [0.45, 0.65, 0.8][(b + d) % 3], degrees, [60, 75, 90][(b + 2 * d) % 3]]),
);

function photo(card: RgbImage, [background, cardWidthFraction, degrees, quality]: Scene, seed: number): RgbImage {
  const options: CardSceneOptions = { width: 1600, height: 1200, background, cardWidthFraction, degrees, seed, offset: [0.03, -0.02], shadow: SHADOWS[seed % 4] };
  return decodeImage(encodeJpeg(composeCardScene(card, options), quality));
}

describe("readIdCardText on uncropped photos of the front", () => {
  it.each(SCENES)("%s table, card %f of the width, %i°, JPEG q%i", async (...scene) => {
    const read = await readIdCardText(photo(front, scene, scene[2] + 40));
    expect({ name: read.name, idNumber: read.idNumber }).toEqual({ name: FIELDS.name, idNumber: FIELDS.idNumber });
  }, 60_000);

  it("a half-body portrait (face too small to place the card) is found by its edges alone", async () => {
    const card = drawIdCardFront({ ...FIELDS, birth: [1985, 12, 31] }, astronaut);
    const read = await readIdCardText(photo(card, ["textured", 0.6, -12, 75], 9));
    expect({ name: read.name, idNumber: read.idNumber }).toEqual({ name: FIELDS.name, idNumber: FIELDS.idNumber });
  }, 60_000);
});

describe("readIdCardBack on uncropped photos of the back", () => {
  it.each(SCENES)("%s table, card %f of the width, %i°, JPEG q%i", async (...scene) => {
    const read = await readIdCardBack(photo(back, scene, scene[2] + 60));
    expect({ issuer: read.issuer, validity: read.validity }).toEqual(BACK);
  }, 60_000);

  it("长期 on a 90 % card in a portrait-orientation photo", async () => {
    const card = drawIdCardBack({ issuer: "北京市公安局海淀分局", validity: "2020.05.01-长期" });
    const options: CardSceneOptions = { width: 1200, height: 1600, background: "gradient", cardWidthFraction: 0.9, degrees: 4, seed: 2 };
    const read = await readIdCardBack(decodeImage(encodeJpeg(composeCardScene(card, options), 70)));
    expect({ issuer: read.issuer, validity: read.validity }).toEqual({ issuer: "北京市公安局海淀分局", validity: "2020.05.01-长期" });
  }, 60_000);

  it("a table without a card reads as nulls", async () => {
    const read = await readIdCardBack(photo(back, ["textured", 0, 0, 80], 3));
    expect({ issuer: read.issuer, validity: read.validity }).toEqual({ issuer: null, validity: null });
  }, 60_000);
});

describe("isCroppedCard: which inputs are read as they are", () => {
  it("card proportions ±4 % are a crop; 4:3, 16:9, 3:2 photos are searched", () => {
    const size = (width: number, height: number) => ({ width, height, data: new Uint8Array(0) });
    expect([size(856, 540), size(428, 270), size(600, 370)].map(isCroppedCard)).toEqual([true, true, true]);
    expect([size(1600, 1200), size(1920, 1080), size(1500, 1000), size(1200, 1600)].map(isCroppedCard)).toEqual([false, false, false, false]);
  });
});
