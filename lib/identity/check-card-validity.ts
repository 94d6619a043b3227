// The back of the ID card prints 有效期限 as "2015.03.01-2035.03.01" or
// "2015.03.01-长期" (long-term, for people aged 46+). OCR and manual entry also
// produce "2015-03-01至2035-03-01", "20150301-20350301" or full-width punctuation,
// so parsing is lenient about separators but strict about the dates themselves.
import { chinaCalendarDay } from "./china-calendar-day";

export type CardValidityReason = "ID_CARD_VALIDITY_FORMAT" | "ID_CARD_EXPIRED" | "ID_CARD_NOT_YET_VALID";

export type CardValidityResult =
  | { ok: true; validFrom: string; validUntil: string | "long-term" }
  | { ok: false; reason: CardValidityReason };

const DATE = String.raw`(\d{4})[.\-/年]?(\d{2})[.\-/月]?(\d{2})日?`;
const RANGE = new RegExp(`^${DATE}\\s*(?:-|—|–|~|至|到)\\s*(?:${DATE}|(长期))$`);

export function checkCardValidity(raw: string, now: Date = new Date()): CardValidityResult {
  const text = raw.trim().replace(/[\uFF0D\uFF0E\uFF5E]/g, (c) => ({ "－": "-", "．": ".", "～": "~" })[c] ?? c);
  const m = RANGE.exec(text);
  if (!m) return { ok: false, reason: "ID_CARD_VALIDITY_FORMAT" };
  const from = toUtcDate(m[1], m[2], m[3]);
  if (!from) return { ok: false, reason: "ID_CARD_VALIDITY_FORMAT" };
  const until = m[7] ? null : toUtcDate(m[4], m[5], m[6]);
  if (!m[7] && (!until || until.getTime() <= from.getTime())) return { ok: false, reason: "ID_CARD_VALIDITY_FORMAT" };
  const today = chinaCalendarDay(now);
  if (from.getTime() > today.getTime()) return { ok: false, reason: "ID_CARD_NOT_YET_VALID" };
  if (!until) return { ok: true, validFrom: isoDay(from), validUntil: "long-term" };
  // The card is valid through its last printed day (Beijing time).
  if (until.getTime() < today.getTime()) return { ok: false, reason: "ID_CARD_EXPIRED" };
  return { ok: true, validFrom: isoDay(from), validUntil: isoDay(until) };
}

function toUtcDate(y: string, m: string, d: string): Date | null {
  const dt = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  const real = dt.getUTCFullYear() === Number(y) && dt.getUTCMonth() === Number(m) - 1 && dt.getUTCDate() === Number(d);
  return real ? dt : null;
}

function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}
