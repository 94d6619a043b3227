// Blink on REAL detections: face-api (SSD + 68 landmarks, tfjs WASM) runs on
// frames of several people's photos — the fixture portrait and faces from
// face-api's demo photos — with the eyes closed by face/emulate-closed-eyes.ts
// and the other actions by face/emulate-action.ts. Each frame gets its
// eyeOpenness from the pixels, as verifyLivenessFrames computes it.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { decodeImage, encodeJpeg, type RgbImage } from "../face/decode-image";
import { detectFaces, type Point } from "../face/detect-faces";
import { emulateAction } from "../face/emulate-action";
import { faceModelDirectory, loadFaceModels } from "../face/load-face-models";
import { adjustImage, cropImage, resizeImage } from "../face/transform-image";
import { BLINK_MIN_OPENNESS_DROP } from "./constants";
import { detectAction } from "./detect-action";
import { measureEyeOpenness } from "./measure-eye-openness";
import type { LandmarkFrame, LivenessAction } from "./types";
import { ASTRONAUT_PATH } from "@/tests/helpers/shared-dir";

/**
 * Photo file and which detected face (largest first): eye openness 0.18–0.38 in
 * the calibration, head yaw −0.29…+0.27 (most demo faces are turned; a face
 * already turned far cannot turn further in a way yaw can measure).
 */
const PEOPLE: [string, number][] = [["astronaut", 0], ["sample3", 1], ["sample4", 0], ["sample6", 1], ["sample6", 2]];
const RAMP = [0, 0, 0, 0.5, 1, 1, 0.5, 0, 0];
const HELD = [0, 0, 0, 0.5, 1, 1, 1, 1, 1];

interface Person {
  name: string;
  face: RgbImage;
  landmarks: Point[];
}
const people: Person[] = [];
const cache = new Map<string, LandmarkFrame>();

beforeAll(async () => {
  await loadFaceModels();
  for (const [file, index] of PEOPLE) {
    const photo = decodeImage(readFileSync(file === "astronaut" ? ASTRONAUT_PATH : join(faceModelDirectory(), "..", "demo", `${file}.jpg`)));
    const box = (await detectFaces(photo, { withDescriptors: false }))[index].box;
    const s = box.height * 2.6;
    const face = resizeImage(cropImage(photo, box.x + box.width / 2 - s / 2, box.y + box.height / 2 - s / 2, s, s), 400, 400);
    people.push({ name: `${file}#${index}`, face, landmarks: (await detectFaces(face, { withDescriptors: false }))[0].landmarks });
  }
}, 120_000);

/** What the server sees of one uploaded frame (JPEG q85, re-detected). */
async function observe(img: RgbImage, key: string, t: number): Promise<LandmarkFrame> {
  if (!cache.has(key)) {
    const jpeg = decodeImage(encodeJpeg(img, 85));
    const [f] = await detectFaces(jpeg, { withDescriptors: false });
    cache.set(key, { t, box: f.box, landmarks: f.landmarks, eyeOpenness: measureEyeOpenness({ ...jpeg, channels: 3 }, f.landmarks) });
  }
  return { ...cache.get(key)!, t };
}

/** One action performed with the given strength per frame, 100 ms apart. */
async function perform(p: Person, action: LivenessAction, amounts: number[]): Promise<LandmarkFrame[]> {
  const frames: LandmarkFrame[] = [];
  for (const [i, k] of amounts.entries()) {
    frames.push(await observe(emulateAction(p.face, p.landmarks, action, k), k === 0 ? `${p.name} rest` : `${p.name} ${action} ${k}`, i * 100));
  }
  return frames;
}

/** A person holding still: ±2 px camera shake and ±8 brightness, no action. */
async function holdStill(p: Person): Promise<LandmarkFrame[]> {
  const frames: LandmarkFrame[] = [];
  for (let i = 0; i < 9; i++) {
    const dx = ((i * 7) % 5) - 2, dy = ((i * 3) % 5) - 2, light = ((i * 5) % 17) - 8;
    const img = adjustImage(cropImage(p.face, dx, dy, p.face.width, p.face.height), light);
    frames.push(await observe(img, `${p.name} still ${i}`, i * 100));
  }
  return frames;
}

describe("blink on several people's photos (real face-api, pixels + landmarks)", () => {
  it("passes an emulated blink (close and reopen) for every person, from the pixels", async () => {
    for (const p of people) {
      const frames = await perform(p, "blink", RAMP);
      const r = detectAction("blink", frames);
      expect(r.passed, p.name).toBe(true);
      expect(r.peakIndex, p.name).toBeGreaterThanOrEqual(3);
      expect(r.peakIndex, p.name).toBeLessThanOrEqual(6);
      // The pixels alone show it (EAR on face-api's eye points moves 6–16 %).
      expect(frames[4].eyeOpenness! / frames[0].eyeOpenness!, p.name).toBeLessThan(1 - BLINK_MIN_OPENNESS_DROP);
    }
  }, 300_000);

  it("does not pass a still face", async () => {
    for (const p of people) expect(detectAction("blink", await holdStill(p)).passed, p.name).toBe(false);
  }, 300_000);

  it.each(["turnLeft", "turnRight", "nod", "openMouth"] as LivenessAction[])("does not pass %s alone", async (action) => {
    for (const p of people) {
      const frames = await perform(p, action, RAMP);
      expect(detectAction("blink", frames).passed, p.name).toBe(false);
      // …although the sequence does move that action's own measure past its threshold.
      expect(detectAction(action, frames).score, `${p.name} ${action} itself`).toBeGreaterThanOrEqual(1);
    }
  }, 300_000);

  it("does not pass eyes that close and stay closed, nor a closed-eye photo held still", async () => {
    for (const p of people) {
      const held = await perform(p, "blink", HELD);
      expect(detectAction("blink", held).passed, p.name).toBe(false);
      const frozen = held.slice(4).map((f, i) => ({ ...f, t: i * 100 }));
      expect(detectAction("blink", frozen).passed, p.name).toBe(false);
    }
  }, 300_000);
});
