import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { getDb } from "@/lib/db";
import { loginTickets } from "@/lib/db/schema";

const TICKET_TTL_MS = 60_000;

export function hashTicket(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * Called after the SMS code was checked by our own code (login or
 * registration); the Auth.js credentials provider then redeems the ticket.
 * This keeps code checking, with its precise errors, out of Auth.js.
 */
export async function issueLoginTicket({ userId }: { userId: string }): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  const db = await getDb();
  await db.insert(loginTickets).values({ tokenHash: hashTicket(token), userId, expiresAt: new Date(Date.now() + TICKET_TTL_MS) });
  return token;
}
