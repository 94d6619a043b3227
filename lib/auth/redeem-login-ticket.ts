import "server-only";
import { randomBytes } from "node:crypto";
import { and, eq, gt, isNull } from "drizzle-orm";
import { appendAuditEntry } from "@/lib/audit";
import { getDb } from "@/lib/db";
import { loginTickets, sessions } from "@/lib/db/schema";
import { hashTicket } from "./issue-login-ticket";

export const SESSION_MAX_AGE_S = 30 * 24 * 3600;

/** Single use: the conditional update lets exactly one redemption win. */
export async function redeemLoginTicket({ token, userAgent, ip }: { token: string; userAgent?: string | null; ip?: string | null }) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [ticket] = await tx
      .update(loginTickets)
      .set({ usedAt: new Date() })
      .where(and(eq(loginTickets.tokenHash, hashTicket(token)), isNull(loginTickets.usedAt), gt(loginTickets.expiresAt, new Date())))
      .returning({ userId: loginTickets.userId });
    if (!ticket) return null;
    const sid = randomBytes(24).toString("base64url");
    await tx.insert(sessions).values({
      id: sid,
      userId: ticket.userId,
      expiresAt: new Date(Date.now() + SESSION_MAX_AGE_S * 1000),
      userAgent: userAgent?.slice(0, 300) ?? null,
      ip: ip ?? null,
    });
    await appendAuditEntry({ db: tx, actorId: ticket.userId, action: "auth.login", subjectType: "session", subjectId: sid, ip });
    return { userId: ticket.userId, sid };
  });
}
