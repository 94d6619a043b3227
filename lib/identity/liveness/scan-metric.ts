// Shared engine of the action detectors: evaluate one scalar per frame, find
// its extreme relative to a neutral baseline within the time limit, and
// optionally require the value to come back (a blink or a nod is a round trip).
import {
  ACTION_TIME_LIMIT_MS,
  BASELINE_FRAMES,
  BLINK_MAX_MAR_RISE,
  BLINK_MAX_PITCH_DELTA,
  FRONTAL_MAX_YAW_DELTA,
} from "./constants";
import { measureMouthAspectRatio, measurePitch, measureYaw } from "./measure-landmarks";
import type { ActionResult, DetectOptions, LandmarkFrame, Point } from "./types";

/** What a metric may read from a frame (the baseline is one too). */
export type FrameSample = Pick<LandmarkFrame, "landmarks" | "eyeOpenness">;

/** The caller's neutral frame (DetectOptions) as a sample, if given. */
export function neutralSample(opts: DetectOptions): FrameSample | undefined {
  return opts.baseline && { landmarks: opts.baseline, eyeOpenness: opts.baselineEyeOpenness };
}

export interface MetricScan {
  /** NaN = not measurable in that frame: it can be neither the peak nor the return. */
  metric: (f: FrameSample) => number;
  /** +1: the action raises the metric; −1: it lowers it. */
  direction: 1 | -1;
  /** Signed-by-direction change from baseline that counts as the action. */
  minDelta: number;
  /** Measure changes as a fraction of the baseline (EAR and eye openness differ a lot between people). */
  relative?: boolean;
  /** If set, a later frame must come back to within this distance of the baseline. */
  returnTolerance?: number;
  /** Only frames with the head roughly as turned as at baseline may be the peak. */
  frontalOnly?: boolean;
  /** Also as level (pitch) and with the mouth as closed as at baseline — for the eyes. */
  restingFaceOnly?: boolean;
  /** Below this baseline value the metric is not trusted and nothing is found. */
  minBaseline?: number;
  baseline?: FrameSample;
  timeLimitMs?: number;
}

export function scanMetric(frames: LandmarkFrame[], scan: MetricScan): ActionResult {
  const none: ActionResult = { passed: false, peakIndex: -1, score: 0 };
  if (frames.length === 0) return none;
  const values = frames.map(scan.metric);
  // The given neutral frame, or — if there is none or it was not measurable —
  // the median over the first frames that were.
  const baselineOf = (m: (f: FrameSample) => number) => {
    const given = scan.baseline ? m(scan.baseline) : NaN;
    if (Number.isFinite(given)) return given;
    return median(frames.slice(0, BASELINE_FRAMES).map(m).filter(Number.isFinite));
  };
  const base = baselineOf(scan.metric);
  if (!Number.isFinite(base) || (scan.minBaseline !== undefined && !(base >= scan.minBaseline))) return none;
  const change = (v: number) => ((v - base) * scan.direction) / (scan.relative ? base || 1 : 1);
  const eligible = eligibility(frames, scan, baselineOf);
  const deadline = frames[0].t + (scan.timeLimitMs ?? ACTION_TIME_LIMIT_MS);

  let peakIndex = -1;
  let peakDelta = -Infinity;
  for (let i = 0; i < frames.length && frames[i].t <= deadline; i++) {
    const delta = change(values[i]);
    if (delta > peakDelta && eligible(i)) {
      peakDelta = delta;
      peakIndex = i;
    }
  }
  if (peakIndex < 0) return none;
  const score = Math.max(0, peakDelta / scan.minDelta);
  let passed = score >= 1;
  if (passed && scan.returnTolerance !== undefined) {
    const tol = scan.returnTolerance;
    passed = values.some((v, i) => i > peakIndex && frames[i].t <= deadline && change(v) <= tol);
  }
  return { passed, peakIndex, score };
}

/**
 * Which frames may be the peak. Turning narrows the eyes in 2-D and tilting the
 * head down hides them under the lids, so a blink or a nod is only read on a
 * face held as it was at baseline.
 */
function eligibility(frames: LandmarkFrame[], scan: MetricScan, baselineOf: (m: (f: FrameSample) => number) => number) {
  if (!scan.frontalOnly && !scan.restingFaceOnly) return () => true;
  const on = (m: (lm: Point[]) => number) => (f: FrameSample) => m(f.landmarks);
  const yaw0 = baselineOf(on(measureYaw));
  const pitch0 = scan.restingFaceOnly ? baselineOf(on(measurePitch)) : 0;
  const mar0 = scan.restingFaceOnly ? baselineOf(on(measureMouthAspectRatio)) : 0;
  return (i: number) => {
    const lm = frames[i].landmarks;
    if (Math.abs(measureYaw(lm) - yaw0) > FRONTAL_MAX_YAW_DELTA) return false;
    if (!scan.restingFaceOnly) return true;
    return Math.abs(measurePitch(lm) - pitch0) <= BLINK_MAX_PITCH_DELTA && measureMouthAspectRatio(lm) - mar0 <= BLINK_MAX_MAR_RISE;
  };
}

function median(xs: number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}
