// Test-only access to the recorded landmark sequences in
// tests/fixtures/identity/liveness (see record-liveness-sequences.ts there).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { LandmarkFrame, ObservedFrame, Point } from "./types";

export type SequenceName = "still" | "blink" | "open-mouth" | "turn-left" | "turn-right" | "nod" | "other-person" | "two-faces";

const DIR = fileURLToPath(new URL("../../../tests/fixtures/identity/liveness/", import.meta.url));

export function loadObservedSequence(name: SequenceName): ObservedFrame[] {
  return (JSON.parse(readFileSync(`${DIR}${name}.json`, "utf8")) as { frames: ObservedFrame[] }).frames;
}

/** The single face of each frame as a landmark series. */
export function loadLandmarkSequence(name: SequenceName): LandmarkFrame[] {
  return loadObservedSequence(name).map((f) => ({ t: f.t, ...f.faces[0] }));
}

/** Shifts a sequence to start at `t0` and spaces frames `stepMs` apart. */
export function retime<T extends { t: number }>(frames: T[], t0: number, stepMs = 100): T[] {
  return frames.map((f, i) => ({ ...f, t: t0 + i * stepMs }));
}

/** Deterministic landmark noise (synthetic): uniform ±amp px on every point. */
export function jitterLandmarks(lm: Point[], amp: number, seed: number): Point[] {
  let s = seed;
  const rnd = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31 - 0.5) * 2 * amp;
  return lm.map(([x, y]) => [x + rnd(), y + rnd()]);
}
