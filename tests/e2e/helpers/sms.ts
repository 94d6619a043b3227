import { randomInt } from "node:crypto";
import { inject } from "vitest";

interface Sms {
  phone: string;
  params: string[];
  at: number;
}

/** Waits for the SMS simulator to have received a new code for `phone`. */
export async function waitForCode(phone: string, after = 0, timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const res = await fetch(`${inject("smsInboxUrl")}${phone}`);
    const msgs = (await res.json()) as Sms[];
    const fresh = msgs.filter((m) => m.at > after).at(-1);
    if (fresh?.params[0]) return fresh.params[0];
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`no SMS for ${phone}`);
}

export function randomPhone(): string {
  return `137${String(randomInt(0, 1e8)).padStart(8, "0")}`;
}
