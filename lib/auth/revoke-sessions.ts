import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { appendAuditEntry } from "@/lib/audit";
import { getDb } from "@/lib/db";
import { sessions } from "@/lib/db/schema";

/** Ends one session, or with `everywhere` every session of the user. */
export async function revokeSessions({ userId, sid, everywhere = false, ip }: { userId: string; sid: string; everywhere?: boolean; ip?: string | null }): Promise<number> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const where = everywhere
      ? and(eq(sessions.userId, userId), isNull(sessions.revokedAt))
      : and(eq(sessions.id, sid), eq(sessions.userId, userId), isNull(sessions.revokedAt));
    const revoked = await tx.update(sessions).set({ revokedAt: new Date() }).where(where).returning({ id: sessions.id });
    await appendAuditEntry({
      db: tx,
      actorId: userId,
      action: everywhere ? "auth.logout_everywhere" : "auth.logout",
      subjectType: "user",
      subjectId: userId,
      ip,
      data: { sessions: revoked.length },
    });
    return revoked.length;
  });
}
