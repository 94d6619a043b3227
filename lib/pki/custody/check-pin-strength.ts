// PIN rules. A signing PIN guards a legally binding signature, but it is also
// typed on a phone, so we ask for ≥ 6 characters and reject what an attacker
// who knows the holder (their ID number is on many forms in China) tries first.
//
//  - too-short:   fewer than 6 characters (or more than 64)
//  - one-char:    one character repeated (111111, aaaaaa)
//  - sequence:    an ascending or descending run of code points (123456, 654321, abcdef)
//  - common:      a short deny-list of the most-used 6-digit PINs
//  - birth-date:  contains the birth date from the ID number as YYYYMMDD, YYMMDD,
//                 MMDDYY or DDMMYY; and, for PINs of 6 characters, contains MMDD
//                 at all (that leaves only 2 free digits). Longer PINs may contain MMDD.
//  - id-number:   is or contains the last 6 characters of the ID number (a very
//                 common choice, "身份证后六位"), or the whole ID number.
import { AppError } from "@/lib/errors";

export type PinWeakness = "too-short" | "too-long" | "one-char" | "sequence" | "common" | "birth-date" | "id-number";

export interface PinContext {
  /** 18-character resident ID number; birth date is read from positions 7–14. */
  idNumber?: string;
  /** Explicit birth date (YYYY-MM-DD), when there is no 18-character ID number. */
  birthDate?: string;
}

const COMMON = new Set(["123123", "112233", "121212", "520520", "147258", "159753", "111222", "123321", "666888", "888888", "000000", "5201314", "1314520", "147369", "789456", "456789"]);

function birthDateOf(ctx: PinContext): { y: string; m: string; d: string } | null {
  const fromId = ctx.idNumber?.trim();
  if (fromId && /^\d{17}[\dXx]$/.test(fromId)) return { y: fromId.slice(6, 10), m: fromId.slice(10, 12), d: fromId.slice(12, 14) };
  const m = ctx.birthDate && /^(\d{4})-(\d{2})-(\d{2})$/.exec(ctx.birthDate);
  return m ? { y: m[1], m: m[2], d: m[3] } : null;
}

function isRun(pin: string): boolean {
  const cps = [...pin].map((c) => c.codePointAt(0)!);
  const step = cps[1] - cps[0];
  if (step !== 1 && step !== -1) return false;
  return cps.every((c, i) => i === 0 || c - cps[i - 1] === step);
}

/** Returns the first rule the PIN breaks, or null when acceptable. */
export function findPinWeakness(pin: string, ctx: PinContext = {}): PinWeakness | null {
  const chars = [...pin];
  if (chars.length < 6) return "too-short";
  if (chars.length > 64) return "too-long";
  if (chars.every((c) => c === chars[0])) return "one-char";
  if (isRun(pin)) return "sequence";
  if (COMMON.has(pin)) return "common";
  const b = birthDateOf(ctx);
  if (b) {
    const yy = b.y.slice(2);
    const forms = [b.y + b.m + b.d, yy + b.m + b.d, b.m + b.d + yy, b.d + b.m + yy];
    if (forms.some((f) => pin.includes(f))) return "birth-date";
    if (chars.length === 6 && pin.includes(b.m + b.d)) return "birth-date";
  }
  const id = ctx.idNumber?.trim().toUpperCase();
  if (id && id.length >= 6) {
    const upper = pin.toUpperCase();
    if (upper.includes(id.slice(-6)) || upper === id) return "id-number";
  }
  return null;
}

/** Throws AppError PIN_TOO_WEAK with the broken rule in params.rule (for the translated message). */
export function checkPinStrength(pin: string, ctx: PinContext = {}): void {
  const rule = findPinWeakness(pin, ctx);
  if (rule) throw new AppError("PIN_TOO_WEAK", `PIN rejected: ${rule}`, { params: { rule }, fieldErrors: { pin: rule } });
}
