// Decides whether a series of analysed frames performs the challenge's actions
// IN ORDER, in time, by one and the same person, with nobody else in view.
// Pure over its input: the browser can run it for instant feedback and the
// server runs it again on its own detections (verify-liveness-frames.ts).
import { compareFaces } from "../face/compare-faces";
import { ACTION_TIME_LIMIT_MS, CHALLENGE_WINDOW_MS, SESSION_FACE_THRESHOLD } from "./constants";
import { detectAction, LIVENESS_ACTIONS } from "./detect-action";
import type { LandmarkFrame, LivenessAction, ObservedFrame, Point } from "./types";

export interface LivenessChallenge {
  actions: LivenessAction[];
  nonce: string;
  /** Server time (ms since epoch) when the challenge was issued. */
  issuedAt: number;
}

export type LivenessReason =
  | "LIVENESS_CHALLENGE_INVALID"
  | "LIVENESS_NO_FACE"
  | "LIVENESS_MULTIPLE_FACES"
  | "LIVENESS_OUTSIDE_WINDOW"
  | "LIVENESS_TIMESTAMPS_INVALID"
  | "LIVENESS_ACTION_NOT_DETECTED"
  | "LIVENESS_FACE_CHANGED";

export interface ActionVerdict {
  action: LivenessAction;
  passed: boolean;
  score: number;
  /** Index into the input `frames` of the peak, −1 if not found. */
  peakFrame: number;
}

export interface ChallengeJudgement {
  passed: boolean;
  reasons: LivenessReason[];
  actions: ActionVerdict[];
  /** Index into `frames` of the neutral (first single-face) frame, −1 if none. */
  neutralFrame: number;
  /** Largest descriptor distance of any frame from the neutral frame. */
  maxFaceDistance: number;
}

export interface JudgeChallengeInput {
  challenge: LivenessChallenge;
  /** Frames in capture order; `t` is ms since epoch. The first single-face frame is the neutral pose. */
  frames: ObservedFrame[];
  mirrored?: boolean;
}

export function judgeChallenge({ challenge, frames, mirrored }: JudgeChallengeInput): ChallengeJudgement {
  const reasons = new Set<LivenessReason>();
  const { actions } = challenge;
  const valid =
    actions.length >= 2 && actions.length <= 3 && new Set(actions).size === actions.length && actions.every((a) => LIVENESS_ACTIONS.includes(a));
  if (!valid) reasons.add("LIVENESS_CHALLENGE_INVALID");

  const windowEnd = challenge.issuedAt + CHALLENGE_WINDOW_MS;
  if (frames.some((f) => !(f.t >= challenge.issuedAt && f.t <= windowEnd))) reasons.add("LIVENESS_OUTSIDE_WINDOW");
  if (frames.some((f, i) => i > 0 && f.t < frames[i - 1].t)) reasons.add("LIVENESS_TIMESTAMPS_INVALID");
  if (frames.some((f) => f.faces.length > 1)) reasons.add("LIVENESS_MULTIPLE_FACES");

  // Frames without a face (motion blur, a big turn) are skipped, not fatal here;
  // the server's upload rule is stricter (verify-liveness-frames.ts).
  const indexOf: number[] = [];
  const series: LandmarkFrame[] = [];
  frames.forEach((f, i) => {
    if (f.faces.length !== 1) return;
    indexOf.push(i);
    series.push({ t: f.t, ...f.faces[0] });
  });
  if (series.length === 0) {
    reasons.add("LIVENESS_NO_FACE");
    return { passed: false, reasons: [...reasons], actions: [], neutralFrame: -1, maxFaceDistance: NaN };
  }

  const baseline: Point[] = series[0].landmarks;
  const baselineEyeOpenness = series[0].eyeOpenness;
  const verdicts: ActionVerdict[] = [];
  let cursor = 1;
  for (const action of actions) {
    // Searching only after the previous peak is what enforces the order.
    const segment = series.slice(cursor);
    const r = verdicts.some((v) => !v.passed) ? null : detectAction(action, segment, { baseline, baselineEyeOpenness, mirrored });
    const passed = Boolean(r?.passed) && segment[r!.peakIndex].t - series[cursor - 1].t <= ACTION_TIME_LIMIT_MS;
    verdicts.push({ action, passed, score: r?.score ?? 0, peakFrame: r && r.peakIndex >= 0 ? indexOf[cursor + r.peakIndex] : -1 });
    if (!passed) reasons.add("LIVENESS_ACTION_NOT_DETECTED");
    else cursor += r!.peakIndex + 1;
  }

  // Every frame (not just key frames) is compared with the neutral one, so the
  // person cannot be swapped between peaks. A chain of consecutive key frames
  // would let the face drift, and two non-frontal peaks differ more from each
  // other than either does from the frontal face.
  const ref = series[0].descriptor;
  let maxFaceDistance = 0;
  for (const f of series) {
    const d = ref && f.descriptor ? compareFaces(ref, f.descriptor) : Infinity;
    maxFaceDistance = Math.max(maxFaceDistance, d);
  }
  if (!(maxFaceDistance < SESSION_FACE_THRESHOLD)) reasons.add("LIVENESS_FACE_CHANGED");

  return { passed: reasons.size === 0, reasons: [...reasons], actions: verdicts, neutralFrame: indexOf[0], maxFaceDistance };
}
