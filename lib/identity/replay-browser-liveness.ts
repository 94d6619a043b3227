// Test support: replays what the browser's liveness pacing
// (components/identity/liveness-capture.tsx) would decide while watching a
// looping fake-camera clip. Frames are analysed once; a "run" samples them at
// the browser's detection rate from an arbitrary point in the loop and judges
// the prompted action the way the page does: on the landmarks seen since the
// prompt, against a neutral frame seen before, from the 4th frame on, for up
// to 6 s.
import type { RgbImage } from "./face/decode-image";
import { detectAction } from "./liveness/detect-action";
import { measureEyeOpenness } from "./liveness/measure-eye-openness";
import type { LandmarkFrame, LivenessAction, Point } from "./liveness/types";

export type FaceFinder = (img: RgbImage) => Promise<{ box: LandmarkFrame["box"]; landmarks: Point[] }[]>;

/** The browser waits this long for each prompted action. */
export const BROWSER_ACTION_LIMIT_MS = 6_000;

/** One analysed frame of the clip; null where the detector saw no single face. */
export type AnalysedClip = (Omit<LandmarkFrame, "t"> | null)[];

export async function analyseClip(frames: RgbImage[], find: FaceFinder): Promise<AnalysedClip> {
  const out: AnalysedClip = [];
  for (const img of frames) {
    const faces = await find(img);
    out.push(faces.length === 1 ? { ...faces[0], eyeOpenness: measureEyeOpenness({ ...img, channels: 3 }, faces[0].landmarks) } : null);
  }
  return out;
}

export interface BrowserRun {
  action: LivenessAction;
  /** When the prompt appeared, ms into the loop. */
  promptAtMs: number;
  /** Time between two detections (the browser manages ~2 per second on a slow CPU). */
  periodMs: number;
  /** Index of a neutral frame of the clip, the page's frontal shot. */
  neutralFrame: number;
}

/** ms after the prompt when the page would have seen the action, or null within the limit. */
export function replayBrowserRun(clip: AnalysedClip, fps: number, run: BrowserRun): number | null {
  const neutral = clip[run.neutralFrame];
  if (!neutral) return null;
  const series: LandmarkFrame[] = [];
  for (let dt = run.periodMs; dt <= BROWSER_ACTION_LIMIT_MS; dt += run.periodMs) {
    const frame = clip[Math.floor(((run.promptAtMs + dt) * fps) / 1000) % clip.length];
    if (!frame) continue;
    series.push({ ...frame, t: dt });
    const opts = { baseline: neutral.landmarks, baselineEyeOpenness: neutral.eyeOpenness };
    if (series.length >= 4 && detectAction(run.action, series, opts).passed) return dt;
  }
  return null;
}
