// Test support: ONE looping fake-camera clip of a person doing every liveness
// action in turn, for browser E2E (Chromium plays it as the camera, see
// face/encode-video.ts for the flags). Made from one real photo placed like a
// selfie (face/compose-selfie-frame.ts) and warped per action
// (face/emulate-action.ts), so the browser's detectors see the same motions
// the server tests use. The clip is short enough that a 6 s window starting
// anywhere in the loop contains every action (the browser waits ≤ 6 s each).
import type { RgbImage } from "./face/decode-image";
import type { Point } from "./face/detect-faces";
import { composeSelfieFrame } from "./face/compose-selfie-frame";
import { emulateAction } from "./face/emulate-action";
import { encodeMjpeg, encodeY4m, MJPEG_FPS } from "./face/encode-video";
import type { LivenessAction } from "./liveness/types";

export interface RenderLivenessVideoOptions {
  /** A frontal photo of one person and its 68 landmarks (from detectFaces). */
  face: RgbImage;
  landmarks: Point[];
  /** "y4m" (default): exact frame rate, no decoding in the browser. "mjpeg": small, but always 30 fps. */
  format?: "y4m" | "mjpeg";
  /** Y4M only (integer); MJPEG is fixed at 30. Default 10: 100 ms steps, well under every phase. */
  fps?: number;
  width?: number;
  height?: number;
  /** Order of the actions in the loop. */
  actions?: LivenessAction[];
}

/** One action in the loop (ms from the start of the loop): rising, held at full strength, falling. */
export interface ScheduledAction {
  action: LivenessAction;
  startMs: number;
  peakFromMs: number;
  peakToMs: number;
  endMs: number;
}

export interface LivenessVideo {
  data: Buffer;
  format: "y4m" | "mjpeg";
  fps: number;
  width: number;
  height: number;
  frameCount: number;
  /** Length of one loop; the file repeats. */
  durationMs: number;
  schedule: ScheduledAction[];
  /** The landmarks of the rest pose in frame coordinates (a neutral baseline for tests). */
  restLandmarks: Point[];
}

// Timing. Four actions of 0.9 s and a blink of 0.75 s, each after 0.4 s of
// rest, make a 6.35 s loop: the 0.3 s / 0.6 s / 0.3 s ramps one might want would need 8 s,
// longer than the browser's 6 s per action, so the ramps are shorter and the
// holds long enough for a detector sampling every ~0.5 s to catch the peak.
const REST_MS = 400;
const RAMP_MS = 150;
const HOLD_MS = 400;
/** Eyes: a slow, deliberate blink — closed for 400 ms, as a prompted user does. */
const BLINK_RAMP_MS = 100;
const BLINK_HOLD_MS = 400;
export const DEFAULT_VIDEO_ACTIONS: LivenessAction[] = ["turnLeft", "turnRight", "openMouth", "nod", "blink"];

export function renderLivenessVideo(opts: RenderLivenessVideoOptions): LivenessVideo {
  const format = opts.format ?? "y4m";
  const fps = format === "mjpeg" ? MJPEG_FPS : (opts.fps ?? 10);
  const width = opts.width ?? 640, height = opts.height ?? 480;
  const rest = composeSelfieFrame(opts.face, opts.landmarks, { width, height });
  const schedule = scheduleActions(opts.actions ?? DEFAULT_VIDEO_ACTIONS);
  // The rest after the last action is the rest before the first: the file loops.
  const loopMs = schedule[schedule.length - 1].endMs;
  const frameCount = Math.ceil((loopMs * fps) / 1000);

  const cache = new Map<string, RgbImage>();
  const frames: RgbImage[] = [];
  for (let i = 0; i < frameCount; i++) {
    const [action, progress] = progressAt(schedule, (i * 1000) / fps);
    const key = action ? `${action}:${progress.toFixed(3)}` : "rest";
    if (!cache.has(key)) cache.set(key, action ? emulateAction(rest.image, rest.landmarks, action, progress) : rest.image);
    frames.push(cache.get(key)!);
  }
  const data = format === "y4m" ? encodeY4m(frames, fps) : encodeMjpeg(frames);
  return { data, format, fps, width, height, frameCount, durationMs: (frameCount * 1000) / fps, schedule, restLandmarks: rest.landmarks };
}

function scheduleActions(actions: LivenessAction[]): ScheduledAction[] {
  let t = 0;
  return actions.map((action) => {
    const ramp = action === "blink" ? BLINK_RAMP_MS : RAMP_MS;
    const hold = action === "blink" ? BLINK_HOLD_MS : HOLD_MS;
    const startMs = t + REST_MS;
    t = startMs + 2 * ramp + hold;
    return { action, startMs, peakFromMs: startMs + ramp, peakToMs: startMs + ramp + hold, endMs: t };
  });
}

/** The action under way at time t (ms into the loop) and its strength 0..1; [null, 0] at rest. */
export function progressAt(schedule: ScheduledAction[], t: number): [LivenessAction | null, number] {
  const s = schedule.find((a) => t >= a.startMs && t < a.endMs);
  if (!s) return [null, 0];
  if (t < s.peakFromMs) return [s.action, (t - s.startMs) / (s.peakFromMs - s.startMs)];
  if (t <= s.peakToMs) return [s.action, 1];
  return [s.action, (s.endMs - t) / (s.endMs - s.peakToMs)];
}
