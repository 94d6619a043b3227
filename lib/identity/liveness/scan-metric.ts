// Shared engine of the action detectors: evaluate one scalar per frame, find
// its extreme relative to a neutral baseline within the time limit, and
// optionally require the value to come back (a blink or a nod is a round trip).
import { ACTION_TIME_LIMIT_MS, BASELINE_FRAMES, FRONTAL_MAX_YAW_DELTA } from "./constants";
import { measureYaw } from "./measure-landmarks";
import type { ActionResult, LandmarkFrame, Point } from "./types";

export interface MetricScan {
  metric: (lm: Point[]) => number;
  /** +1: the action raises the metric; −1: it lowers it. */
  direction: 1 | -1;
  /** Signed-by-direction change from baseline that counts as the action. */
  minDelta: number;
  /** Measure changes as a fraction of the baseline (EAR differs a lot between people). */
  relative?: boolean;
  /** If set, a later frame must come back to within this distance of the baseline. */
  returnTolerance?: number;
  /** Only frames with the head roughly as turned as at baseline may be the peak. */
  frontalOnly?: boolean;
  baseline?: Point[];
  timeLimitMs?: number;
}

export function scanMetric(frames: LandmarkFrame[], scan: MetricScan): ActionResult {
  const none: ActionResult = { passed: false, peakIndex: -1, score: 0 };
  if (frames.length === 0) return none;
  const values = frames.map((f) => scan.metric(f.landmarks));
  const baselineOf = (m: (lm: Point[]) => number) =>
    scan.baseline ? m(scan.baseline) : median(frames.slice(0, BASELINE_FRAMES).map((f) => m(f.landmarks)));
  const base = baselineOf(scan.metric);
  const change = (v: number) => ((v - base) * scan.direction) / (scan.relative ? base || 1 : 1);
  const baseYaw = scan.frontalOnly ? baselineOf(measureYaw) : 0;
  const eligible = (i: number) =>
    !scan.frontalOnly || Math.abs(measureYaw(frames[i].landmarks) - baseYaw) <= FRONTAL_MAX_YAW_DELTA;
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

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}
