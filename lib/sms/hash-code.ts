import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { getAuthSecret } from "@/lib/secrets/get-auth-secret";

// The code is bound to the phone and purpose, so a login code cannot be
// replayed to confirm a payment and a leaked table reveals nothing guessable
// without the server secret.
export function hashCode(phone: string, purpose: string, code: string): string {
  return createHmac("sha256", getAuthSecret()).update(`sms-code\n${phone}\n${purpose}\n${code}`).digest("hex");
}

export function codeMatches(storedHash: string, phone: string, purpose: string, code: string): boolean {
  const a = Buffer.from(storedHash, "hex");
  const b = Buffer.from(hashCode(phone, purpose, code), "hex");
  return a.length === b.length && timingSafeEqual(a, b);
}
