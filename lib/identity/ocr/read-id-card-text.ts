// OCR of the ID card front with tesseract.js (WASM) and chi_sim from npm (see
// ocr-worker.ts). Loading chi_sim takes ~0.6 s once per process, a card
// ~0.3 s (measured here).
import type { RgbImage } from "../face/decode-image";
import { cropToCard } from "./crop-to-card";
import { recognizeRegion, type CardRegion } from "./ocr-worker";
import { parseIdCardText, type IdCardText } from "./parse-id-card-text";

export { stopIdCardOcr } from "./ocr-worker";

export interface IdCardReading extends IdCardText {
  /** tesseract's mean word confidence, 0–100 (the lower of the two regions). */
  confidence: number;
  rawText: string;
}

/**
 * The portrait is OCR'd as garbage characters glued to the name, so the text
 * fields (left 62 %, above the number line) and the number line (bottom 25 %,
 * full width) are read as two rectangles — the 2nd-generation card layout.
 */
const FIELDS_REGION: CardRegion = { left: 0, top: 0, right: 0.62, bottom: 0.78 };
const NUMBER_REGION: CardRegion = { left: 0, top: 0.75, right: 1, bottom: 1 };
const RETRY_SCALE = 1.25;

/**
 * Takes the card cropped (the capture UI's frame guide) or a whole photo of
 * it on a table (located and deskewed first: locateIdCard).
 */
export async function readIdCardText(photo: RgbImage): Promise<IdCardReading> {
  const card = await cropToCard(photo, "front");
  const fields = await recognizeRegion(card, FIELDS_REGION);
  let number = await recognizeRegion(card, NUMBER_REGION);
  let parsed = parseIdCardText(`${fields.text}\n${number.text}`);
  if (!parsed.idNumber) {
    // A single misread digit fails the check digit; the same line at another pixel size usually reads clean.
    const retry = await recognizeRegion(card, NUMBER_REGION, RETRY_SCALE);
    const again = parseIdCardText(`${fields.text}\n${retry.text}`);
    if (again.idNumber) [number, parsed] = [retry, again];
  }
  return {
    ...parsed,
    confidence: Math.min(fields.confidence, number.confidence),
    rawText: `${fields.text}\n${number.text}`,
  };
}
