import { TURN_MIN_YAW_DELTA } from "./constants";
import { measureYaw } from "./measure-landmarks";
import { neutralSample, scanMetric } from "./scan-metric";
import type { ActionResult, DetectOptions, LandmarkFrame } from "./types";

/**
 * Direction convention (documented for the app): "left"/"right" are the USER's
 * own left and right. Frames are expected as the camera delivers them
 * (UNMIRRORED — the subject's left side appears on the image's right). Turning
 * to one's own left then moves the nose towards image +x, i.e. yaw rises.
 * Selfie previews are usually drawn mirrored; if the captured frames come from
 * such a mirrored canvas, pass `mirrored: true` and the sign flips.
 */
export function detectHeadTurn(
  frames: LandmarkFrame[],
  side: "left" | "right",
  opts: DetectOptions = {},
): ActionResult {
  const towardsImagePlusX = (side === "left") !== Boolean(opts.mirrored);
  return scanMetric(frames, {
    metric: (f) => measureYaw(f.landmarks),
    direction: towardsImagePlusX ? 1 : -1,
    minDelta: TURN_MIN_YAW_DELTA,
    baseline: neutralSample(opts),
  });
}
