import { detectBlink } from "./detect-blink";
import { detectHeadTurn } from "./detect-head-turn";
import { detectMouthOpen } from "./detect-mouth-open";
import { detectNod } from "./detect-nod";
import type { ActionResult, DetectOptions, LandmarkFrame, LivenessAction } from "./types";

export const LIVENESS_ACTIONS: readonly LivenessAction[] = ["blink", "openMouth", "turnLeft", "turnRight", "nod"];

export function detectAction(action: LivenessAction, frames: LandmarkFrame[], opts: DetectOptions = {}): ActionResult {
  switch (action) {
    case "blink":
      return detectBlink(frames, opts);
    case "openMouth":
      return detectMouthOpen(frames, opts);
    case "turnLeft":
      return detectHeadTurn(frames, "left", opts);
    case "turnRight":
      return detectHeadTurn(frames, "right", opts);
    case "nod":
      return detectNod(frames, opts);
  }
}
