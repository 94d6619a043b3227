import { BLINK_MIN_EAR_DROP, BLINK_REOPEN_TOLERANCE } from "./constants";
import { measureEyeAspectRatio } from "./measure-landmarks";
import { scanMetric } from "./scan-metric";
import type { ActionResult, DetectOptions, LandmarkFrame } from "./types";

/**
 * Blink = eyes close AND reopen (a photo with closed eyes, or squinting, is not
 * a blink). Relative to the person's own open-eye EAR, which varies by face.
 */
export function detectBlink(frames: LandmarkFrame[], opts: DetectOptions = {}): ActionResult {
  return scanMetric(frames, {
    metric: measureEyeAspectRatio,
    direction: -1,
    relative: true,
    minDelta: BLINK_MIN_EAR_DROP,
    returnTolerance: BLINK_REOPEN_TOLERANCE,
    frontalOnly: true,
    baseline: opts.baseline,
  });
}
