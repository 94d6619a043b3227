// One call for the front-side upload: OCR the card, check the number it reads
// (GB 11643) and compare name and number with the registration. The portrait
// on the same image is what verifyLivenessFrames compares the live face with.
import type { RgbImage } from "../face/decode-image";
import { maskIdNumber } from "../mask-id-number";
import { validateIdNumber, type IdNumberReason } from "../validate-id-number";
import { matchIdCardText, type IdCardTextReason } from "./match-id-card-text";
import { readIdCardText } from "./read-id-card-text";

export interface CheckIdCardFrontResult {
  ok: boolean;
  reasons: (IdCardTextReason | IdNumberReason)[];
  /** What was read, safe to log/show: the number is masked. */
  read: { name: string | null; idNumberMasked: string | null; confidence: number };
  birthDate?: string;
  sex?: "male" | "female";
}

export async function checkIdCardFront(options: {
  card: RgbImage;
  registered: { name: string; idNumber: string };
  now?: Date;
}): Promise<CheckIdCardFrontResult> {
  const reading = await readIdCardText(options.card);
  const read = {
    name: reading.name,
    idNumberMasked: reading.idNumber ? maskIdNumber(reading.idNumber) : null,
    confidence: reading.confidence,
  };
  const match = matchIdCardText(reading, options.registered);
  if (!match.ok) return { ok: false, reasons: match.reasons, read };
  // The parser only accepts numbers with a valid check digit; this adds the
  // region, birth-date and age rules.
  const id = validateIdNumber(reading.idNumber!, options.now);
  if (!id.ok) return { ok: false, reasons: [id.reason], read };
  return { ok: true, reasons: [], read, birthDate: id.birthDate, sex: id.sex };
}
