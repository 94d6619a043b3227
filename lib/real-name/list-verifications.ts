import "server-only";
import { desc, eq, ilike, or, sql } from "drizzle-orm";
import { assertAdmin } from "@/lib/admin/assert-admin";
import { getDb } from "@/lib/db";
import { identityVerifications, livenessChallenges, memberships, projects, users } from "@/lib/db/schema";

export const VERIFICATIONS_PAGE_SIZE = 50;

/** Admin list of real-name verifications, newest first; masked numbers only, no images. */
export async function listVerifications({ actorId, query, page = 0 }: { actorId: string; query?: string; page?: number }) {
  await assertAdmin(actorId);
  const db = await getDb();
  const q = query?.trim();
  const attempts = db
    .select({ verificationId: livenessChallenges.verificationId, n: sql<number>`count(*)::int`.as("n") })
    .from(livenessChallenges)
    .groupBy(livenessChallenges.verificationId)
    .as("attempts");
  return db
    .select({
      id: identityVerifications.id,
      status: identityVerifications.status,
      nameOnCard: identityVerifications.nameOnCard,
      idNumberMasked: identityVerifications.idNumberMasked,
      phone: users.phone,
      project: projects.name,
      createdAt: identityVerifications.createdAt,
      attempts: sql<number>`coalesce(${attempts.n}, 0)`,
    })
    .from(identityVerifications)
    .innerJoin(users, eq(users.id, identityVerifications.userId))
    .innerJoin(memberships, eq(memberships.id, identityVerifications.membershipId))
    .innerJoin(projects, eq(projects.id, memberships.projectId))
    .leftJoin(attempts, eq(attempts.verificationId, identityVerifications.id))
    .where(q ? or(ilike(identityVerifications.nameOnCard, `%${q.replace(/[%_\\]/g, "\\$&")}%`), eq(users.phone, q)) : undefined)
    .orderBy(desc(identityVerifications.createdAt))
    .limit(VERIFICATIONS_PAGE_SIZE)
    .offset(page * VERIFICATIONS_PAGE_SIZE);
}
