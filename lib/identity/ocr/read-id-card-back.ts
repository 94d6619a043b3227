// OCR of the card back (national-emblem side), cropped or a whole photo (then
// located first, like the front). Only the bottom third is read — 签发机关 and
// 有效期限 — so the emblem and the large title do not turn into noise lines;
// the parser then finds both fields by label or by shape.
import type { RgbImage } from "../face/decode-image";
import { cropToCard } from "./crop-to-card";
import { recognizeRegion, type CardRegion } from "./ocr-worker";
import { parseIdCardBackText, type IdCardBackText } from "./parse-id-card-back-text";

export interface IdCardBackReading extends IdCardBackText {
  /** tesseract's mean word confidence for the region, 0–100. */
  confidence: number;
  rawText: string;
}

/** The two text lines sit at 0.70–0.90 of the card height (2nd-generation layout). */
const BACK_TEXT_REGION: CardRegion = { left: 0.08, top: 0.64, right: 0.97, bottom: 0.96 };
const RETRY_SCALE = 1.25;

export async function readIdCardBack(photo: RgbImage): Promise<IdCardBackReading> {
  const card = await cropToCard(photo, "back");
  let read = await recognizeRegion(card, BACK_TEXT_REGION);
  let parsed = parseIdCardBackText(read.text);
  if (!parsed.validity || !parsed.issuer) {
    // The parser refuses a date with one misread digit; another pixel size usually reads it clean.
    const retry = await recognizeRegion(card, BACK_TEXT_REGION, RETRY_SCALE);
    const again = parseIdCardBackText(retry.text);
    if (Number(!!again.validity) + Number(!!again.issuer) > Number(!!parsed.validity) + Number(!!parsed.issuer)) [read, parsed] = [retry, again];
  }
  return { ...parsed, confidence: read.confidence, rawText: read.text };
}
