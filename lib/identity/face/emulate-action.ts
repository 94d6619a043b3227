// One liveness action applied to one still photo at a given strength, shared
// by the upload renderer (render-challenge-frames.ts) and the fake-camera
// video (render-liveness-video.ts), so both show the same motions.
import type { LivenessAction } from "../liveness/types";
import type { RgbImage } from "./decode-image";
import type { Point } from "./detect-faces";
import { emulateClosedEyes, emulateOpenMouth, emulatePitch, emulateYaw } from "./emulate-face-motion";

type Warp = (img: RgbImage, lm: Point[], amount: number) => RgbImage;

/** Warp and peak amount per action; the recorded fixtures (tests/fixtures/identity/liveness) use the same peaks. */
const EMULATION: Record<LivenessAction, [Warp, number]> = {
  blink: [emulateClosedEyes, 1],
  openMouth: [emulateOpenMouth, 0.28],
  turnLeft: [emulateYaw, 0.22], // image +x = the user's own left (unmirrored camera)
  turnRight: [emulateYaw, -0.22],
  nod: [emulatePitch, 0.15],
};

/** `progress` 0 = at rest (the photo itself), 1 = the action's peak. */
export function emulateAction(img: RgbImage, landmarks: Point[], action: LivenessAction, progress: number): RgbImage {
  if (progress <= 0) return img;
  const [warp, peak] = EMULATION[action];
  return warp(img, landmarks, Math.min(progress, 1) * peak);
}
