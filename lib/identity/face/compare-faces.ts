// Face match = euclidean distance between 128-d descriptors (face-api's
// FaceRecognitionNet, a port of dlib's ResNet trained for this metric).
// FACE_MATCH_THRESHOLD is justified by measurements in lib/identity/README.md.

/**
 * Distance below which two faces are taken as the same person. Measured here
 * (bench/identity-distances.ts): same person under crop/scale/relight/rotate/
 * ID-card degradation 0.09–0.31; different people 0.44–0.91 (vs the fixture
 * 0.66–0.83). 0.42 sits below every different-person pair measured — face-api's
 * customary 0.6 would have accepted 19 of those 253 pairs (0.5: 3) — while leaving
 * ~0.1 of headroom for a real second photo of the same person, which differs
 * more than our re-shot variants of one photo do. A false accept issues a
 * signing certificate to the wrong person; a false reject costs a retry.
 */
export const FACE_MATCH_THRESHOLD = 0.42;

export function compareFaces(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length || a.length === 0) throw new Error("descriptor length mismatch");
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i] - b[i]) ** 2;
  return Math.sqrt(sum);
}

export function isSameFace(a: ArrayLike<number>, b: ArrayLike<number>, threshold = FACE_MATCH_THRESHOLD): boolean {
  return compareFaces(a, b) < threshold;
}
