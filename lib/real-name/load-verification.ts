import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { identityVerifications } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";

/** The newest verification of a membership — only for its own user. */
export async function loadVerification({ actorId, membershipId }: { actorId: string; membershipId: string }) {
  const db = await getDb();
  const [row] = await db
    .select()
    .from(identityVerifications)
    .where(and(eq(identityVerifications.membershipId, membershipId), eq(identityVerifications.userId, actorId)))
    .orderBy(desc(identityVerifications.createdAt))
    .limit(1);
  if (!row) throw new AppError("NOT_FOUND", "no card submitted");
  return row;
}
