import type { DetectedFace, FaceBox, Point } from "../face/detect-faces";

export type { FaceBox, Point };

/** The actions a challenge can ask for; left/right are the USER's own left/right. */
export type LivenessAction = "blink" | "openMouth" | "turnLeft" | "turnRight" | "nod";

/** One analysed camera frame: what the browser (or the server re-run) saw at time `t` (ms). */
export interface LandmarkFrame {
  t: number;
  box: FaceBox;
  /** 68 points, face-api order, in the pixel coordinates of the UNMIRRORED camera image. */
  landmarks: Point[];
  descriptor?: number[];
  /**
   * measureEyeOpenness() of the same frame's pixels (NaN/absent = not measured).
   * The blink detector relies on it: face-api's eye landmarks alone barely move
   * when the eyes close. The server always fills it; the browser should too.
   */
  eyeOpenness?: number;
}

/** A frame with every face found, for the one-face rule. */
export interface ObservedFrame {
  t: number;
  faces: (Pick<DetectedFace, "box" | "landmarks" | "descriptor"> & { eyeOpenness?: number })[];
}

export interface ActionResult {
  passed: boolean;
  /** Index (into the series given) of the frame where the action was strongest; -1 if none. */
  peakIndex: number;
  /** Strength at the peak in the detector's own unit (see constants.ts); ≥ 1 means "passed the threshold". */
  score: number;
}

export interface DetectOptions {
  /** Landmarks of a neutral frontal frame; default: median metric over the first frames of the series. */
  baseline?: Point[];
  /** eyeOpenness of the same neutral frame; default: median over the first frames of the series. */
  baselineEyeOpenness?: number;
  /** Set when the frames were captured from a mirrored (selfie-preview) canvas. */
  mirrored?: boolean;
}
