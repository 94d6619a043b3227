// GB 11643-1999 resident ID number (居民身份证号码):
// [6 address][8 birth YYYYMMDD][3 sequence][1 ISO 7064 MOD 11-2 check].
// Returns a reason code instead of throwing so forms can show a precise hint.
import { chinaCalendarDay } from "./china-calendar-day";

export type IdNumberReason =
  | "ID_NUMBER_FORMAT"
  | "ID_NUMBER_REGION"
  | "ID_NUMBER_BIRTH_DATE"
  | "ID_NUMBER_AGE_RANGE"
  | "ID_NUMBER_CHECK_DIGIT";

export type IdNumberResult =
  | { ok: true; normalized: string; birthDate: string; sex: "male" | "female" }
  | { ok: false; reason: IdNumberReason };

// Province-level codes of GB/T 2260 plus 71 台湾, 81 香港, 82 澳门 and 83
// (港澳台居民居住证 use 810000/820000/830000). The 2023 外国人永久居留身份证
// starts with 9 followed by the first digit of the issuing province's code, so
// 91–96 are accepted too (spec §2: from memory — do not over-restrict).
const PROVINCE_CODES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46,
  50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83, 91, 92, 93, 94, 95, 96,
]);

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = "10X98765432"; // indexed by (Σ d_i·w_i) mod 11
const MAX_AGE_YEARS = 120;

/** Computes the 18th character for the first 17 digits. */
export function computeIdCheckDigit(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

/** Full-width digits/X and lower-case x are common from IME input and OCR. */
export function normalizeIdNumber(raw: string): string {
  return raw
    .trim()
    .replace(/[\uFF10-\uFF19\uFF38\uFF58]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .toUpperCase();
}

export function validateIdNumber(raw: string, now: Date = new Date()): IdNumberResult {
  const s = normalizeIdNumber(raw);
  if (!/^\d{17}[\dX]$/.test(s)) return { ok: false, reason: "ID_NUMBER_FORMAT" };
  if (!PROVINCE_CODES.has(Number(s.slice(0, 2)))) return { ok: false, reason: "ID_NUMBER_REGION" };

  const y = Number(s.slice(6, 10));
  const m = Number(s.slice(10, 12));
  const d = Number(s.slice(12, 14));
  const birth = new Date(Date.UTC(y, m - 1, d));
  const isRealDate = birth.getUTCFullYear() === y && birth.getUTCMonth() === m - 1 && birth.getUTCDate() === d;
  // Compare calendar days in China time so a baby born "today" in Beijing is valid.
  const today = chinaCalendarDay(now);
  if (!isRealDate || birth.getTime() > today.getTime()) return { ok: false, reason: "ID_NUMBER_BIRTH_DATE" };
  if (ageInYears(birth, today) > MAX_AGE_YEARS) return { ok: false, reason: "ID_NUMBER_AGE_RANGE" };

  if (computeIdCheckDigit(s) !== s[17]) return { ok: false, reason: "ID_NUMBER_CHECK_DIGIT" };
  return {
    ok: true,
    normalized: s,
    birthDate: `${s.slice(6, 10)}-${s.slice(10, 12)}-${s.slice(12, 14)}`,
    sex: Number(s[16]) % 2 === 1 ? "male" : "female",
  };
}


function ageInYears(birth: Date, today: Date): number {
  let age = today.getUTCFullYear() - birth.getUTCFullYear();
  const beforeBirthday =
    today.getUTCMonth() < birth.getUTCMonth() ||
    (today.getUTCMonth() === birth.getUTCMonth() && today.getUTCDate() < birth.getUTCDate());
  if (beforeBirthday) age -= 1;
  return age;
}
