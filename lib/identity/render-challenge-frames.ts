// Test support: renders the JPEG frames a browser would upload for a challenge,
// from ONE real photo warped to emulate each action (face/emulate-face-motion.ts).
// Frames per action mirror the upload contract: a few frames rising to the
// peak, the peak, and one back at rest (blink and nod must be seen reopening /
// coming back up).
import { encodeJpeg, type RgbImage } from "./face/decode-image";
import type { Point } from "./face/detect-faces";
import { emulateAction } from "./face/emulate-action";
import type { LivenessAction } from "./liveness/types";
import type { UploadedFrame } from "./verify-liveness-frames";

/** Strength of each frame of an action, as a fraction of its peak. */
const PROFILE = [0.5, 1, 1, 0.5, 0];
const FRAME_MS = 120;
const ACTION_GAP_MS = 1_500;

export interface RenderedChallenge {
  frontal: UploadedFrame;
  actionFrames: UploadedFrame[];
}

export function renderChallengeFrames(
  face: RgbImage,
  landmarks: Point[],
  actions: LivenessAction[],
  startMs = 800,
): RenderedChallenge {
  const frontal = { jpeg: encodeJpeg(face, 85), offsetMs: startMs };
  const actionFrames: UploadedFrame[] = [];
  actions.forEach((action, a) => {
    PROFILE.forEach((k, i) => {
      const img = emulateAction(face, landmarks, action, k);
      actionFrames.push({ jpeg: encodeJpeg(img, 85), offsetMs: startMs + (a + 1) * ACTION_GAP_MS + i * FRAME_MS });
    });
  });
  return { frontal, actionFrames };
}
