import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeImage, encodeJpeg, type RgbImage } from "../face/decode-image";
import { detectFaces } from "../face/detect-faces";
import { cardCornersInScene, composeCardScene, type CardSceneOptions, type SceneBackground } from "./compose-card-scene";
import { drawIdCardBack } from "./draw-id-card-back";
import { drawIdCardFront } from "./draw-id-card";
import { frameIdPhoto } from "./frame-id-photo";
import { locateCardByPortrait, portraitPrior } from "./locate-card-by-portrait";
import { locateIdCard, locateIdCardQuad } from "./locate-id-card";
import { stopIdCardOcr } from "./ocr-worker";
import { readIdCardText } from "./read-id-card-text";
import { warpCardQuad } from "./warp-card-quad";
import { ASTRONAUT_PATH } from "@/tests/helpers/shared-dir";

const FIELDS = { name: "张三丰", sex: "女", ethnicity: "汉", birth: [1985, 12, 31], address: "广东省深圳市南山区科技园路1号", idNumber: "440305198512310026" } as const;
const astronaut = decodeImage(readFileSync(ASTRONAUT_PATH));
const back = drawIdCardBack({ issuer: "深圳市公安局南山分局", validity: "2016.01.01-2036.01.01" });
let front: RgbImage;

beforeAll(async () => {
  // A GA 461-framed portrait: the face is as large as on a real card.
  front = drawIdCardFront({ ...FIELDS, birth: [1985, 12, 31] }, await frameIdPhoto(astronaut));
}, 60_000);
afterAll(() => stopIdCardOcr());

function photoOf(card: RgbImage, o: Partial<CardSceneOptions>, quality = 80): { photo: RgbImage; options: CardSceneOptions } {
  const options: CardSceneOptions = { width: 1600, height: 1200, background: "plain", cardWidthFraction: 0.6, degrees: 0, ...o };
  return { photo: decodeImage(encodeJpeg(composeCardScene(card, options), quality)), options };
}

/** Largest corner error, in pixels of the 856 px wide output card. */
function cornerError(quad: [number, number][], card: RgbImage, options: CardSceneOptions): number {
  const truth = cardCornersInScene(card, options);
  const toCardPx = card.width / (options.width * options.cardWidthFraction);
  return Math.max(...quad.map(([x, y], i) => Math.hypot(x - truth[i][0], y - truth[i][1]) * toCardPx));
}

describe("locateIdCardQuad: the card's corners in a phone photo", () => {
  // Measured over 4 backgrounds × 3 sizes × 3 angles × 4 shadows, both sides (108 photos): within 1.5 px of
  // the 856 px card on dark, gradient and wood tables; up to 6.3 px on a light table, where the card's edge
  // is a step of ~9 grey levels that JPEG and a soft shadow rim blur by 1–2 working pixels.
  const tolerance = (background: SceneBackground) => (background === "light" ? 7 : 1.5);
  it.each<[string, SceneBackground, number, number]>([
    ["back", "plain", 0.45, 0],
    ["back", "gradient", 0.85, -15],
    ["back", "textured", 0.65, 8],
    ["back", "light", 0.45, 15],
    ["front", "plain", 0.85, 8],
    ["front", "gradient", 0.45, -8],
    ["front", "textured", 0.65, -15],
    ["front", "light", 0.65, 15],
  ])("%s on a %s table, %f of the width, %i°", async (side, background, cardWidthFraction, degrees) => {
    const card = side === "front" ? front : back;
    const { photo, options } = photoOf(card, { background, cardWidthFraction, degrees, seed: degrees + 100, offset: [0.04, -0.03] });
    const located = await locateIdCardQuad(photo, side as "front" | "back");
    expect(located?.method).toBe("edges");
    expect(cornerError(located!.quad, card, options)).toBeLessThan(tolerance(background));
    expect([located!.card.width, located!.card.height]).toEqual([856, 540]);
  }, 60_000);

  it("a portrait-orientation 12 MP photo (the card across a 3000×4000 frame)", async () => {
    const { photo, options } = photoOf(back, { width: 3000, height: 4000, cardWidthFraction: 0.8, degrees: -6, background: "textured", seed: 7 });
    const started = performance.now();
    const located = await locateIdCardQuad(photo, "back");
    const ms = performance.now() - started;
    expect(cornerError(located!.quad, back, options)).toBeLessThan(1.5);
    // Measured ~0.6 s (mostly the box downscale and the warp); only a regression guard.
    expect(ms).toBeLessThan(8000);
  }, 60_000);

  it("an upside-down front comes out upright: the portrait's eyes tell which way the card reads", async () => {
    const { photo, options } = photoOf(front, { degrees: 186, seed: 11, background: "gradient" });
    const located = await locateIdCardQuad(photo, "front");
    expect(cornerError(located!.quad, front, options)).toBeLessThan(1.5);
  }, 60_000);

  it("a photo without a card is null, for both sides (table only; a selfie)", async () => {
    for (const background of ["textured", "plain"] as SceneBackground[]) {
      const { photo } = photoOf(back, { background, cardWidthFraction: 0, seed: 3 });
      expect(await locateIdCard(photo, "back")).toBeNull();
      expect(await locateIdCard(photo, "front")).toBeNull();
    }
    // A face filling the frame predicts a card 4× the photo: not a card photo.
    expect(await locateIdCard(astronaut, "front")).toBeNull();
  }, 60_000);
});

describe("locating the front by its portrait when the outline is invisible", () => {
  it("the eyes alone place the card within ~3 % of its width", async () => {
    const { photo, options } = photoOf(front, { background: "paper", shadow: false, cardWidthFraction: 0.65, degrees: 8, seed: 5 });
    const face = (await detectFaces(photo, { withDescriptors: false }))[0];
    const quad = locateCardByPortrait(portraitPrior(face));
    // The astronaut's head is tilted ~3° in her photo, so the eye line alone is off by that.
    expect(cornerError(quad, front, options)).toBeLessThan(0.06 * 856);
    const read = await readIdCardText(warpCardQuad(photo, quad));
    expect({ name: read.name, idNumber: read.idNumber }).toEqual({ name: "张三丰", idNumber: "440305198512310026" });
  }, 60_000);

  it("locateIdCardQuad falls back to it (corrected by the text's angle) and the card still reads", async () => {
    const { photo, options } = photoOf(front, { background: "paper", shadow: false, cardWidthFraction: 0.45, degrees: -8, seed: 6 });
    const located = await locateIdCardQuad(photo, "front");
    expect(located?.method).toBe("portrait");
    expect(cornerError(located!.quad, front, options)).toBeLessThan(0.04 * 856);
    const read = await readIdCardText(photo);
    expect({ name: read.name, idNumber: read.idNumber }).toEqual({ name: "张三丰", idNumber: "440305198512310026" });
  }, 60_000);
});
