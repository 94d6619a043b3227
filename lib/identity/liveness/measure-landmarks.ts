// Geometry on face-api's 68-point layout (iBUG 300-W):
//   0–16 jaw (0 is on the image's left), 27–30 nose bridge (30 = tip),
//   36–41 eye on the image's left, 42–47 eye on the image's right,
//   60–67 inner lip contour.
// All metrics are ratios of distances so they do not depend on face size, and
// yaw/pitch are measured in the face's own frame (x along the eye line) so a
// tilted head (roll) does not read as a turn or a nod.
import type { Point } from "./types";

const dist = (a: Point, b: Point) => Math.hypot(a[0] - b[0], a[1] - b[1]);

/**
 * Eye aspect ratio (Soukupová & Čech 2016) of the MORE open eye: a blink closes
 * both eyes, so taking the max ignores a wink and halves the chance that
 * landmark noise on one eye looks like a closure. ~0.25–0.35 open.
 */
export function measureEyeAspectRatio(lm: Point[]): number {
  const ear = (p: Point[]) => (dist(p[1], p[5]) + dist(p[2], p[4])) / (2 * dist(p[0], p[3]));
  return Math.max(ear(lm.slice(36, 42)), ear(lm.slice(42, 48)));
}

/** Mouth aspect ratio on the inner lips: ~0 closed, > 0.5 clearly open. */
export function measureMouthAspectRatio(lm: Point[]): number {
  const open = dist(lm[61], lm[67]) + dist(lm[62], lm[66]) + dist(lm[63], lm[65]);
  return open / (2 * dist(lm[60], lm[64]));
}

/** Projects points into a frame whose x axis runs along the eye line (roll removed). */
function toFaceFrame(lm: Point[]): (p: Point) => Point {
  const l = centroid(lm.slice(36, 42)), r = centroid(lm.slice(42, 48));
  const len = dist(l, r) || 1;
  const ux = (r[0] - l[0]) / len, uy = (r[1] - l[1]) / len;
  return (p) => [p[0] * ux + p[1] * uy, -p[0] * uy + p[1] * ux];
}

/**
 * Yaw in −1..1 of the nose tip between the jaw sides and between the outer eye
 * corners (averaged): 0 frontal, positive = nose towards image +x. In an
 * unmirrored front-camera image that is the user turning to THEIR left.
 */
export function measureYaw(lm: Point[]): number {
  const f = toFaceFrame(lm);
  const nose = f(lm[30])[0];
  const ratio = (a: Point, b: Point) => (nose - f(a)[0]) / (f(b)[0] - f(a)[0] || 1);
  return (ratio(lm[0], lm[16]) + ratio(lm[36], lm[45]) - 1);
}

/**
 * Pitch as the nose tip's position between the eye line and the chin (0..1,
 * ~0.35–0.45 frontal). Larger = head tilted down (nose tip moves towards the chin).
 */
export function measurePitch(lm: Point[]): number {
  const f = toFaceFrame(lm);
  const eyes = f(centroid(lm.slice(36, 48)))[1];
  return (f(lm[30])[1] - eyes) / (f(lm[8])[1] - eyes || 1);
}

function centroid(pts: Point[]): Point {
  let x = 0, y = 0;
  for (const p of pts) {
    x += p[0];
    y += p[1];
  }
  return [x / pts.length, y / pts.length];
}
