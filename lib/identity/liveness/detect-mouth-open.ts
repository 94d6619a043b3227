import { MOUTH_MIN_MAR, MOUTH_MIN_MAR_RISE } from "./constants";
import { measureMouthAspectRatio } from "./measure-landmarks";
import { neutralSample, scanMetric } from "./scan-metric";
import type { ActionResult, DetectOptions, LandmarkFrame } from "./types";

/**
 * Open mouth = inner-lip MAR rises clearly above the neutral face AND above an
 * absolute floor, so a broad smile showing teeth (MAR ~0.25) does not count.
 */
export function detectMouthOpen(frames: LandmarkFrame[], opts: DetectOptions = {}): ActionResult {
  const rise = scanMetric(frames, {
    metric: (f) => measureMouthAspectRatio(f.landmarks),
    direction: 1,
    minDelta: MOUTH_MIN_MAR_RISE,
    baseline: neutralSample(opts),
  });
  if (rise.peakIndex < 0) return rise;
  const peakMar = measureMouthAspectRatio(frames[rise.peakIndex].landmarks);
  return { ...rise, passed: rise.passed && peakMar >= MOUTH_MIN_MAR };
}
