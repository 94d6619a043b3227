import { z } from "zod";

// Mainland mobile numbers: 11 digits starting 13–19. People paste numbers with
// spaces, dashes or a +86 prefix; accept those and keep the bare 11 digits.
export function normalisePhone(input: string): string {
  const compact = input.replace(/[\s-]/g, "");
  return compact.replace(/^(\+86|0086|86)(?=1\d{10}$)/, "");
}

export const MAINLAND_PHONE = /^1[3-9]\d{9}$/;

export const phoneSchema = z
  .string()
  .max(32, { message: "phone_invalid" })
  .transform(normalisePhone)
  .pipe(z.string().regex(MAINLAND_PHONE, { message: "phone_invalid" }));

export const smsCodeSchema = z
  .string()
  .trim()
  .regex(/^\d{6}$/, { message: "code_format" });

/** 138****8000 — for screens and logs that should not show the whole number. */
export function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : "***";
}
