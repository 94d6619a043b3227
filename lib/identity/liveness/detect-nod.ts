import { NOD_MIN_PITCH_DELTA, NOD_RETURN_TOLERANCE } from "./constants";
import { measurePitch } from "./measure-landmarks";
import { neutralSample, scanMetric } from "./scan-metric";
import type { ActionResult, DetectOptions, LandmarkFrame } from "./types";

/**
 * Nod = head goes down (nose tip moves towards the chin in the image) and comes
 * back up. Only near-frontal frames count, so a turn does not read as a nod.
 * Opening the mouth lowers the chin and so LOWERS pitch; it cannot fake a nod.
 */
export function detectNod(frames: LandmarkFrame[], opts: DetectOptions = {}): ActionResult {
  return scanMetric(frames, {
    metric: (f) => measurePitch(f.landmarks),
    direction: 1,
    minDelta: NOD_MIN_PITCH_DELTA,
    returnTolerance: NOD_RETURN_TOLERANCE,
    frontalOnly: true,
    baseline: neutralSample(opts),
  });
}
