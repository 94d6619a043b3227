import { describe, expect, it } from "vitest";
import { CHALLENGE_WINDOW_MS } from "./constants";
import { loadObservedSequence, retime, type SequenceName } from "./fixture-sequences";
import { judgeChallenge, type LivenessChallenge } from "./judge-challenge";
import type { LivenessAction, ObservedFrame } from "./types";

const ISSUED = Date.UTC(2026, 11, 4, 12, 0, 0);
const challenge = (...actions: LivenessAction[]): LivenessChallenge => ({ actions, nonce: "n-1", issuedAt: ISSUED });

/** Recorded sequences played one after another, 100 ms apart, from 1 s after issue. */
function perform(...names: SequenceName[]): ObservedFrame[] {
  return retime(names.flatMap((n) => loadObservedSequence(n)), ISSUED + 1_000);
}

describe("judgeChallenge", () => {
  it.each([
    [["blink", "turnLeft"], ["blink", "turn-left"]],
    [["openMouth", "turnRight", "nod"], ["open-mouth", "turn-right", "nod"]],
    [["turnLeft", "turnRight", "blink"], ["turn-left", "turn-right", "blink"]],
  ] as [LivenessAction[], SequenceName[]][])("passes %j performed in order", (actions, names) => {
    const j = judgeChallenge({ challenge: challenge(...actions), frames: perform(...names) });
    expect(j.reasons).toEqual([]);
    expect(j.passed).toBe(true);
    expect(j.actions.map((a) => a.passed)).toEqual(actions.map(() => true));
    const peaks = j.actions.map((a) => a.peakFrame);
    expect([...peaks].sort((a, b) => a - b)).toEqual(peaks);
    expect(j.maxFaceDistance).toBeLessThan(0.6);
  });

  it("fails when the actions happen in the wrong order", () => {
    const j = judgeChallenge({ challenge: challenge("turnLeft", "blink"), frames: perform("blink", "turn-left") });
    expect(j.passed).toBe(false);
    expect(j.reasons).toContain("LIVENESS_ACTION_NOT_DETECTED");
    expect(j.actions.map((a) => a.passed)).toEqual([true, false]);
  });

  it("fails when an action is missing (still face)", () => {
    const j = judgeChallenge({ challenge: challenge("blink", "nod"), frames: perform("blink", "still") });
    expect(j.reasons).toEqual(["LIVENESS_ACTION_NOT_DETECTED"]);
  });

  it("mirrored capture: a left turn seen in a mirrored canvas is the user's right", () => {
    const frames = perform("turn-left", "blink");
    expect(judgeChallenge({ challenge: challenge("turnRight", "blink"), frames, mirrored: true }).passed).toBe(true);
    expect(judgeChallenge({ challenge: challenge("turnLeft", "blink"), frames, mirrored: true }).passed).toBe(false);
  });

  it("fails if any frame shows two faces", () => {
    const frames = perform("blink", "turn-left");
    frames[15] = { ...loadObservedSequence("two-faces")[0], t: frames[15].t };
    const j = judgeChallenge({ challenge: challenge("blink", "turnLeft"), frames });
    expect(j.reasons).toContain("LIVENESS_MULTIPLE_FACES");
  });

  it("fails if another person's face appears between the actions", () => {
    const frames = perform("blink", "turn-left");
    frames[13] = { ...loadObservedSequence("other-person")[0], t: frames[13].t };
    const j = judgeChallenge({ challenge: challenge("blink", "turnLeft"), frames });
    expect(j.reasons).toEqual(["LIVENESS_FACE_CHANGED"]);
    expect(j.maxFaceDistance).toBeGreaterThan(0.6);
  });

  it("fails when descriptors are missing (identity cannot be checked)", () => {
    const frames = perform("blink", "turn-left").map((f) => ({ ...f, faces: f.faces.map(({ descriptor: _d, ...rest }) => rest) }));
    expect(judgeChallenge({ challenge: challenge("blink", "turnLeft"), frames }).reasons).toEqual(["LIVENESS_FACE_CHANGED"]);
  });

  it("fails on frames before issue, after the 2-minute window, or out of order", () => {
    const early = retime(perform("blink", "turn-left"), ISSUED - 500);
    expect(judgeChallenge({ challenge: challenge("blink", "turnLeft"), frames: early }).reasons).toContain("LIVENESS_OUTSIDE_WINDOW");
    const late = retime(perform("blink", "turn-left"), ISSUED + CHALLENGE_WINDOW_MS - 1_000);
    expect(judgeChallenge({ challenge: challenge("blink", "turnLeft"), frames: late }).reasons).toContain("LIVENESS_OUTSIDE_WINDOW");
    const shuffled = perform("blink", "turn-left");
    [shuffled[3], shuffled[4]] = [shuffled[4], shuffled[3]];
    expect(judgeChallenge({ challenge: challenge("blink", "turnLeft"), frames: shuffled }).reasons).toContain("LIVENESS_TIMESTAMPS_INVALID");
  });

  it("fails when the second action comes more than 8 s after the first", () => {
    const blink = retime(loadObservedSequence("blink"), ISSUED + 1_000);
    const turn = retime(loadObservedSequence("turn-left"), ISSUED + 12_000);
    const j = judgeChallenge({ challenge: challenge("blink", "turnLeft"), frames: [...blink, ...turn] });
    expect(j.actions.map((a) => a.passed)).toEqual([true, false]);
  });

  it("rejects malformed challenges", () => {
    const frames = perform("blink", "turn-left");
    for (const actions of [["blink"], ["blink", "blink"], ["blink", "nod", "turnLeft", "turnRight"], ["blink", "smile"]]) {
      const j = judgeChallenge({ challenge: challenge(...(actions as LivenessAction[])), frames });
      expect(j.reasons, actions.join()).toContain("LIVENESS_CHALLENGE_INVALID");
    }
  });

  it("no frames or no faces → LIVENESS_NO_FACE", () => {
    expect(judgeChallenge({ challenge: challenge("blink", "nod"), frames: [] }).reasons).toEqual(["LIVENESS_NO_FACE"]);
    const empty = [{ t: ISSUED + 10, faces: [] }];
    expect(judgeChallenge({ challenge: challenge("blink", "nod"), frames: empty }).reasons).toEqual(["LIVENESS_NO_FACE"]);
  });
});
