import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { decodeImage, encodeJpeg, type RgbImage } from "./face/decode-image";
import { detectFaces, type DetectedFace } from "./face/detect-faces";
import { faceModelDirectory, loadFaceModels } from "./face/load-face-models";
import { drawPortraitCard } from "./face/same-face-variants";
import { createImage, cropImage, pasteImage, resizeImage } from "./face/transform-image";
import { CHALLENGE_WINDOW_MS } from "./liveness/constants";
import type { LivenessChallenge } from "./liveness/judge-challenge";
import type { LivenessAction } from "./liveness/types";
import { renderChallengeFrames, type RenderedChallenge } from "./render-challenge-frames";
import { UPLOAD_GRACE_MS, verifyLivenessFrames, type VerifyLivenessFramesInput } from "./verify-liveness-frames";
import { ASTRONAUT_PATH } from "@/tests/helpers/shared-dir";

const ISSUED = Date.UTC(2026, 11, 4, 12, 0, 0);
const challenge = (...actions: LivenessAction[]): LivenessChallenge => ({ actions, nonce: "n-42", issuedAt: ISSUED });

/** A 400×400 "selfie" crop around a detected face. */
const selfie = (img: RgbImage, f: DetectedFace) => {
  const s = f.box.height * 2.6;
  return resizeImage(cropImage(img, f.box.x + f.box.width / 2 - s / 2, f.box.y + f.box.height / 2 - s / 2, s, s), 400, 400);
};

let face: RgbImage;
let card: Uint8Array;
let otherCard: Uint8Array;
let otherFace: RgbImage;
let blinkThenLeft: RenderedChallenge;

beforeAll(async () => {
  await loadFaceModels();
  const astronaut = decodeImage(readFileSync(ASTRONAUT_PATH));
  const [a] = await detectFaces(astronaut, { withDescriptors: false });
  face = selfie(astronaut, a);
  card = encodeJpeg(drawPortraitCard(astronaut, a.box), 80);
  const demo = decodeImage(readFileSync(join(faceModelDirectory(), "..", "demo", "sample2.jpg")));
  const [b] = await detectFaces(demo, { withDescriptors: false });
  otherFace = selfie(demo, b);
  otherCard = encodeJpeg(drawPortraitCard(demo, b.box), 80);
  const [lm] = await detectFaces(face, { withDescriptors: false });
  blinkThenLeft = renderChallengeFrames(face, lm.landmarks, ["blink", "turnLeft"]);
}, 120_000);

const input = (over: Partial<VerifyLivenessFramesInput> = {}): VerifyLivenessFramesInput => ({
  challenge: challenge("blink", "turnLeft"),
  ...blinkThenLeft,
  idCardImage: card,
  receivedAt: ISSUED + 20_000,
  ...over,
});

describe("verifyLivenessFrames (server re-detection on JPEG uploads)", () => {
  it("passes the right person doing the actions in order", async () => {
    const r = await verifyLivenessFrames(input());
    expect(r.reasons).toEqual([]);
    expect(r.passed).toBe(true);
    expect(r.scores.actions.map((a) => a.passed)).toEqual([true, true]);
    expect(r.scores.idFaceDistance).toBeLessThan(0.42);
    expect(r.scores.sessionFaceDistance).toBeLessThan(0.6);
  }, 60_000);

  it("rejects a different person's ID card", async () => {
    const r = await verifyLivenessFrames(input({ idCardImage: otherCard }));
    expect(r.reasons).toEqual(["ID_FACE_MISMATCH"]);
    expect(r.scores.idFaceDistance).toBeGreaterThan(0.6);
  }, 60_000);

  it("rejects actions done in the wrong order", async () => {
    const r = await verifyLivenessFrames(input({ challenge: challenge("turnLeft", "blink") }));
    expect(r.reasons).toEqual(["LIVENESS_ACTION_NOT_DETECTED"]);
  }, 60_000);

  it("rejects a frame with a second face, a frame without a face, and a swapped face", async () => {
    const two = createImage(800, 400);
    pasteImage(two, face, 0, 0);
    pasteImage(two, otherFace, 400, 0);
    const frames = [...blinkThenLeft.actionFrames];
    frames[2] = { ...frames[2], jpeg: encodeJpeg(two) };
    frames[4] = { ...frames[4], jpeg: encodeJpeg(createImage(400, 400, [120, 120, 120])) };
    frames[6] = { ...frames[6], jpeg: encodeJpeg(otherFace) };
    const r = await verifyLivenessFrames(input({ actionFrames: frames }));
    expect(r.passed).toBe(false);
    expect(r.reasons).toEqual(expect.arrayContaining(["LIVENESS_MULTIPLE_FACES", "LIVENESS_NO_FACE", "LIVENESS_FACE_CHANGED"]));
  }, 60_000);

  it("rejects frames outside the 2-minute window, from the future, or an expired upload", async () => {
    const late = blinkThenLeft.actionFrames.map((f) => ({ ...f, offsetMs: f.offsetMs + CHALLENGE_WINDOW_MS }));
    const r1 = await verifyLivenessFrames(input({ actionFrames: late, receivedAt: ISSUED + CHALLENGE_WINDOW_MS + 10_000 }));
    expect(r1.reasons).toContain("LIVENESS_OUTSIDE_WINDOW");
    const r2 = await verifyLivenessFrames(input({ receivedAt: ISSUED + 2_000 }));
    expect(r2.reasons).toContain("LIVENESS_TIMESTAMPS_INVALID");
    const r3 = await verifyLivenessFrames(input({ receivedAt: ISSUED + CHALLENGE_WINDOW_MS + UPLOAD_GRACE_MS + 1 }));
    expect(r3.reasons).toEqual(["LIVENESS_CHALLENGE_EXPIRED"]);
  }, 60_000);

  it("rejects undecodable frames and an ID image without a face", async () => {
    const junk = { jpeg: new TextEncoder().encode("not a jpeg"), offsetMs: 900 };
    expect((await verifyLivenessFrames(input({ frontal: junk }))).reasons).toEqual(["LIVENESS_FRAME_INVALID"]);
    const blank = encodeJpeg(createImage(428, 270, [214, 222, 226]));
    expect((await verifyLivenessFrames(input({ idCardImage: blank }))).reasons).toEqual(["ID_PORTRAIT_NO_FACE"]);
  }, 60_000);
});
