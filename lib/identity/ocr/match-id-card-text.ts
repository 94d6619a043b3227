// Compares what OCR read on the card with what the user registered (journey
// step 3: the real name must be the one on the ID card). Expected failures are
// values, like the rest of lib/identity.
import { normalizeIdNumber } from "../validate-id-number";
import type { IdCardText } from "./parse-id-card-text";

export type IdCardTextReason = "ID_CARD_UNREADABLE" | "ID_CARD_NAME_MISMATCH" | "ID_CARD_NUMBER_MISMATCH";

export interface MatchIdCardTextResult {
  ok: boolean;
  reasons: IdCardTextReason[];
}

export function matchIdCardText(read: IdCardText, registered: { name: string; idNumber: string }): MatchIdCardTextResult {
  if (!read.name || !read.idNumber) return { ok: false, reasons: ["ID_CARD_UNREADABLE"] };
  const reasons: IdCardTextReason[] = [];
  // Names compare without spaces and with the middle dot normalised (ethnic-minority names: 阿依古丽·买买提).
  const canon = (s: string) => s.replace(/\s/g, "").replace(/[•・･.]/g, "·");
  if (canon(read.name) !== canon(registered.name)) reasons.push("ID_CARD_NAME_MISMATCH");
  if (normalizeIdNumber(read.idNumber) !== normalizeIdNumber(registered.idNumber)) reasons.push("ID_CARD_NUMBER_MISMATCH");
  return { ok: reasons.length === 0, reasons };
}
