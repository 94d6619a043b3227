import {
  BLINK_MIN_BASELINE_OPENNESS,
  BLINK_MIN_EAR_DROP,
  BLINK_MIN_EAR_DROP_WITH_PIXELS,
  BLINK_MIN_OPENNESS_DROP,
  BLINK_OPENNESS_REOPEN_TOLERANCE,
  BLINK_REOPEN_TOLERANCE,
} from "./constants";
import { measureEyeAspectRatio } from "./measure-landmarks";
import { neutralSample, scanMetric } from "./scan-metric";
import type { ActionResult, DetectOptions, LandmarkFrame } from "./types";

/**
 * Blink = eyes close AND reopen (a photo with closed eyes, or squinting, is not
 * a blink), relative to the person's own open eyes, on a face held still:
 * frames turned, tilted down or with the mouth open cannot be the closed frame.
 *
 * Two signals, either of which may show it:
 * - eye openness from the pixels (measureEyeOpenness, in `eyeOpenness`), when
 *   the neutral eyes show enough iris to measure;
 * - the landmark eye aspect ratio. face-api's eye points barely move on a
 *   blink, so EAR alone is trusted only at a drop far above its noise when the
 *   pixels were measured, and at the old, weak threshold when they were not
 *   (callers that send landmarks only).
 */
export function detectBlink(frames: LandmarkFrame[], opts: DetectOptions = {}): ActionResult {
  const common = { direction: -1, relative: true, frontalOnly: true, restingFaceOnly: true, baseline: neutralSample(opts) } as const;
  const pixels = scanMetric(frames, {
    ...common,
    metric: (f) => f.eyeOpenness ?? NaN,
    minDelta: BLINK_MIN_OPENNESS_DROP,
    returnTolerance: BLINK_OPENNESS_REOPEN_TOLERANCE,
    minBaseline: BLINK_MIN_BASELINE_OPENNESS,
  });
  const ear = scanMetric(frames, {
    ...common,
    metric: (f) => measureEyeAspectRatio(f.landmarks),
    minDelta: pixels.peakIndex >= 0 ? BLINK_MIN_EAR_DROP_WITH_PIXELS : BLINK_MIN_EAR_DROP,
    returnTolerance: BLINK_REOPEN_TOLERANCE,
  });
  if (pixels.passed !== ear.passed) return pixels.passed ? pixels : ear;
  return pixels.score >= ear.score ? pixels : ear;
}
