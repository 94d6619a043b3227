import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { memberships, signingKeys } from "@/lib/db/schema";

/**
 * The membership a user signs with: one that finished onboarding and holds an
 * active key. With several, the most recently certified one.
 */
export async function findSigningMembership({ userId, membershipId }: { userId: string; membershipId?: string | null }) {
  const db = await getDb();
  const rows = await db
    .select({ id: memberships.id, projectId: memberships.projectId })
    .from(memberships)
    .innerJoin(signingKeys, and(eq(signingKeys.membershipId, memberships.id), eq(signingKeys.status, "active")))
    .where(and(eq(memberships.userId, userId), eq(memberships.status, "signature_ready")))
    .orderBy(desc(signingKeys.createdAt));
  return (membershipId ? rows.find((r) => r.id === membershipId) : undefined) ?? rows[0] ?? null;
}
