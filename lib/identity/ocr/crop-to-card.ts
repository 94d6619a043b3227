// The OCR entry points accept either a card already cropped (the capture UI's
// frame guide, or a crop by the user) or a whole phone photo. An image with
// the card's proportions is taken as cropped and read as it is, exactly as
// before; anything else (4:3, 16:9 and 3:2 photos are all > 4 % off) is
// searched for the card first, and read as it is if none is found.
import type { RgbImage } from "../face/decode-image";
import { CARD_ASPECT } from "./find-card-rectangle";
import { locateIdCard } from "./locate-id-card";

const CROPPED_TOLERANCE = 0.04;

export function isCroppedCard(image: RgbImage): boolean {
  return Math.abs(image.width / image.height / CARD_ASPECT - 1) <= CROPPED_TOLERANCE;
}

export async function cropToCard(image: RgbImage, side: "front" | "back"): Promise<RgbImage> {
  if (isCroppedCard(image)) return image;
  return (await locateIdCard(image, side)) ?? image;
}
