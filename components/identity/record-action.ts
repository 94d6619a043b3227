"use client";

import { detectAction } from "@/lib/identity/liveness/detect-action";
import type { LandmarkFrame, LivenessAction, Point } from "@/lib/identity/liveness/types";
import { canvasToJpeg, drawVideoFrame, measureEyeOpennessOn } from "./canvas-frame";
import type { GuideFace } from "./face-guide";

/** Frames are grabbed ~8 times a second: a blink lasts 100–400 ms and must be caught closed. */
const GRAB_MS = 120;
/** Frames uploaded per action, centred on its peak (the server allows 24 in all). */
export const FRAMES_PER_ACTION = 7;
/** Without live detection each action gets a fixed burst; with it, up to the limit. */
const BLIND_MS = 2800;
const LIMIT_MS = 6000;
/** Keep grabbing this long after the action was seen so the return to rest is uploaded too. */
const AFTER_SEEN_MS = 400;
/** Frames this long before the peak show the way into it. */
const BEFORE_PEAK_MS = 400;

export interface GrabbedFrame {
  blob: Blob;
  /** ms since the challenge arrived (the server's clock-free time base). */
  offsetMs: number;
}

interface Grab extends GrabbedFrame {
  t: number;
  face: GuideFace | null;
  eyeOpenness: number;
}

export interface RecordContext {
  video: HTMLVideoElement;
  startedAt: number;
  /** Whether face-api runs in this browser (live judging); without it frames are sent blind. */
  guided: boolean;
  /** The newest face the guide loop saw. */
  latestFace: () => GuideFace | null;
  /** Landmark frames the guide loop saw since this action began. */
  series: () => LandmarkFrame[];
  baseline?: Point[];
}

/**
 * Records one prompted action: grabs frames steadily, judges the action live
 * with lib/identity's detectors (landmarks from the guide loop; for blink the
 * eye-openness of every grabbed frame, measured at the newest landmarks, since
 * the detector is too slow to land on a closed eye), and returns the frames
 * around its peak. Pacing only — the server judges the frames again.
 */
export async function recordAction(action: LivenessAction, ctx: RecordContext, onSeen: () => void): Promise<GrabbedFrame[]> {
  const canvas = document.createElement("canvas");
  const grabs: Grab[] = [];
  const began = performance.now();
  let peakT: number | null = null;
  let seenAt = 0;
  while (performance.now() - began < (ctx.guided ? LIMIT_MS : BLIND_MS)) {
    await new Promise((r) => setTimeout(r, GRAB_MS));
    const t = performance.now();
    const face = ctx.latestFace();
    grabs.push({ ...(await grab(ctx.video, canvas, face)), offsetMs: Math.round(t - ctx.startedAt), t, face });
    if (peakT === null && ctx.guided) {
      const series = action === "blink" ? eyeSeries(grabs) : ctx.series();
      const r = series.length >= 4 ? detectAction(action, series, { baseline: ctx.baseline }) : null;
      if (r?.passed) {
        peakT = series[r.peakIndex]!.t;
        seenAt = t;
        onSeen();
      }
    }
    if (peakT !== null && t - seenAt >= AFTER_SEEN_MS) break;
  }
  return pickAround(grabs, peakT);
}

async function grab(video: HTMLVideoElement, canvas: HTMLCanvasElement, face: GuideFace | null) {
  const ctx = drawVideoFrame(video, canvas);
  const eyeOpenness = face ? measureEyeOpennessOn(ctx, face.landmarks) : Number.NaN;
  return { blob: await canvasToJpeg(canvas), eyeOpenness };
}

const eyeSeries = (grabs: Grab[]): LandmarkFrame[] =>
  grabs.filter((g) => g.face && Number.isFinite(g.eyeOpenness)).map((g) => ({ t: g.t, box: g.face!.box, landmarks: g.face!.landmarks, eyeOpenness: g.eyeOpenness }));

/**
 * Up to FRAMES_PER_ACTION frames from shortly before the peak to the last grab
 * (taken after the action was seen, so blink and nod are back at rest), spread
 * evenly in time and always including the peak itself; evenly over the whole
 * attempt if the action was never seen.
 */
function pickAround(grabs: Grab[], peakT: number | null): GrabbedFrame[] {
  const pool = peakT === null ? grabs : grabs.filter((g) => g.t >= peakT - BEFORE_PEAK_MS);
  if (pool.length <= FRAMES_PER_ACTION) return pool;
  const picked = new Set(Array.from({ length: FRAMES_PER_ACTION }, (_, i) => Math.round((i * (pool.length - 1)) / (FRAMES_PER_ACTION - 1))));
  if (peakT !== null) {
    let p = 0;
    for (let i = 1; i < pool.length; i++) if (Math.abs(pool[i]!.t - peakT) < Math.abs(pool[p]!.t - peakT)) p = i;
    if (!picked.has(p)) {
      // Swap the sampled frame nearest the peak for the peak (never the first or last).
      const near = [...picked].filter((i) => i > 0 && i < pool.length - 1).sort((x, y) => Math.abs(x - p) - Math.abs(y - p))[0];
      if (near !== undefined) picked.delete(near);
      picked.add(p);
    }
  }
  return [...picked].sort((x, y) => x - y).map((i) => pool[i]!);
}
