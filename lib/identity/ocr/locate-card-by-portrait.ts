// Where the card must be, given the portrait's face. The 2nd-generation card
// prints a 26×32 mm ID photo (GA 461 framing) in its right part, so the eyes
// fix the card's rotation (the eye line is parallel to the text), its scale
// (eye span ≈ 7.3 % of the card width) and its position. This is the prior
// for the edge search and, when the card's outline cannot be found, the
// fallback — accurate to the spread of real portraits' framing, a few mm.
import type { DetectedFace, Point } from "../face/detect-faces";
import type { CardQuad } from "./fit-card-quad";

/**
 * Eye midpoint and eye span on the card, as fractions of the card width/height.
 * Measured with face-api on drawIdCardFront with a GA 461-framed portrait
 * (frameIdPhoto); the drawer's portrait box is x 0.666–0.970, y 0.111–0.704 —
 * on real cards the box sits ~4 mm further left (x ≈ 0.62–0.92).
 */
export const PORTRAIT_EYES_ON_CARD = { x: 0.818, y: 0.36, span: 0.0736 };

export interface PortraitPrior {
  /** Card rotation in degrees, clockwise on screen; |angle| > 90 means upside down. */
  angle: number;
  eyes: Point;
  eyeSpan: number;
}

export function eyeCentres(face: DetectedFace): [Point, Point] {
  const mean = (from: number, to: number): Point => {
    const pts = face.landmarks.slice(from, to);
    return [pts.reduce((a, p) => a + p[0], 0) / pts.length, pts.reduce((a, p) => a + p[1], 0) / pts.length];
  };
  // iBUG 68: 36–41 is the eye on the image's left (the subject's right).
  return [mean(36, 42), mean(42, 48)];
}

export function portraitPrior(face: DetectedFace): PortraitPrior {
  const [l, r] = eyeCentres(face);
  return {
    angle: (Math.atan2(r[1] - l[1], r[0] - l[0]) * 180) / Math.PI,
    eyes: [(l[0] + r[0]) / 2, (l[1] + r[1]) / 2],
    eyeSpan: Math.hypot(r[0] - l[0], r[1] - l[1]),
  };
}

/** The card's corners (top-left, top-right, bottom-right, bottom-left as it reads) predicted from the eyes alone. */
export function locateCardByPortrait(prior: PortraitPrior): CardQuad {
  const width = prior.eyeSpan / PORTRAIT_EYES_ON_CARD.span, height = (width * 54) / 85.6;
  const a = (prior.angle * Math.PI) / 180, ux = [Math.cos(a), Math.sin(a)], vy = [-Math.sin(a), Math.cos(a)];
  const at = (fx: number, fy: number): Point => {
    const du = (fx - PORTRAIT_EYES_ON_CARD.x) * width, dv = (fy - PORTRAIT_EYES_ON_CARD.y) * height;
    return [prior.eyes[0] + du * ux[0] + dv * vy[0], prior.eyes[1] + du * ux[1] + dv * vy[1]];
  };
  return [at(0, 0), at(1, 0), at(1, 1), at(0, 1)];
}
