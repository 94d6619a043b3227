import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { users } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";

/**
 * Re-reads the flag from the database: a session made before the admin right
 * was taken away must not keep it for the session's lifetime.
 */
export async function assertAdmin(actorId: string): Promise<void> {
  const db = await getDb();
  const [row] = await db.select({ isAdmin: users.isAdmin }).from(users).where(eq(users.id, actorId));
  if (!row?.isAdmin) throw new AppError("FORBIDDEN", "admin only");
}
