import "server-only";
import { and, eq, gt, isNull, lt } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { sessions, users } from "@/lib/db/schema";

export interface SessionUser {
  id: string;
  sid: string;
  phone: string;
  realName: string | null;
  isAdmin: boolean;
}

const TOUCH_EVERY_MS = 5 * 60_000;

/**
 * Every request re-reads the session row, which is what makes logout and
 * "log out everywhere" take effect at once even though the cookie is a JWT.
 */
export async function loadSessionUser(sid: string): Promise<SessionUser | null> {
  const db = await getDb();
  const now = new Date();
  const [row] = await db
    .select({ id: users.id, phone: users.phone, realName: users.realName, isAdmin: users.isAdmin, lastSeenAt: sessions.lastSeenAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sid), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)));
  if (!row) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db
      .update(sessions)
      .set({ lastSeenAt: now })
      .where(and(eq(sessions.id, sid), lt(sessions.lastSeenAt, new Date(now.getTime() - TOUCH_EVERY_MS))));
  }
  return { id: row.id, sid, phone: row.phone, realName: row.realName, isAdmin: row.isAdmin };
}
