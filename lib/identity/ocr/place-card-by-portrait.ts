// The fallback for a front whose outline cannot be found (a light card on a
// light table, no shadow): the card predicted from the portrait's eyes
// (locateCardByPortrait), its rotation taken from the card's text when there
// is any near the eye line — a head tilted 3° in the ID photo would otherwise
// tilt the crop — then each side snapped to an edge within reach if one is
// there. Refused when the predicted card leaves the photo by more than 10 %
// of its width: that is a selfie or a face on something else, not a card
// filling 40–90 % of the frame.
import { MIN_EDGE } from "./bin-card-edges";
import type { CardRectangle } from "./find-card-rectangle";
import { fitCardQuad, type CardQuad } from "./fit-card-quad";
import type { GrayImage } from "./gray-image";
import { locateCardByPortrait, PORTRAIT_EYES_ON_CARD, type PortraitPrior } from "./locate-card-by-portrait";
import { cardAngleNear } from "./refine-card-angle";

export function placeCardByPortrait(gray: GrayImage, prior: PortraitPrior): CardQuad | null {
  const upright = Math.abs(prior.angle) > 90 ? prior.angle - 180 * Math.sign(prior.angle) : prior.angle;
  const textAngle = cardAngleNear(gray, MIN_EDGE, upright);
  const angle = textAngle === null ? prior.angle : prior.angle + (textAngle - upright);
  const guess = locateCardByPortrait({ ...prior, angle });
  const margin = (0.1 * prior.eyeSpan) / PORTRAIT_EYES_ON_CARD.span;
  if (guess.some(([x, y]) => x < -margin || y < -margin || x > gray.width + margin || y > gray.height + margin)) return null;
  const snapped = snapToEdges(gray, guess, textAngle ?? upright);
  return snapped ?? guess;
}

/** The guess with each side moved onto a nearby edge, or null when none is found or the sides move > 4 % of the width. */
function snapToEdges(gray: GrayImage, guess: CardQuad, angle: number): CardQuad | null {
  const r = (angle * Math.PI) / 180, c = Math.cos(r), s = Math.sin(r);
  const us = guess.map(([x, y]) => x * c + y * s), vs = guess.map(([x, y]) => -x * s + y * c);
  const rect: CardRectangle = {
    angle,
    left: Math.min(...us), right: Math.max(...us), top: Math.min(...vs), bottom: Math.max(...vs),
    polarity: { left: 0, right: 0, top: 0, bottom: 0 },
    score: 0,
  };
  const fitted = fitCardQuad(gray, rect);
  if (!fitted) return null;
  // fitCardQuad orders corners in the rotated frame; the guess may be upside down.
  const reading = (Math.atan2(guess[1][1] - guess[0][1], guess[1][0] - guess[0][0]) * 180) / Math.PI;
  const ordered = Math.abs(((reading - angle + 540) % 360) - 180) > 90 ? [fitted[2], fitted[3], fitted[0], fitted[1]] : fitted;
  const width = Math.hypot(guess[1][0] - guess[0][0], guess[1][1] - guess[0][1]);
  const moved = Math.max(...ordered.map(([x, y], i) => Math.hypot(x - guess[i][0], y - guess[i][1])));
  return moved <= 0.04 * width ? (ordered as CardQuad) : null;
}
