import "server-only";
import { and, eq } from "drizzle-orm";
import { appendAuditEntry } from "@/lib/audit";
import type { Db, Tx } from "@/lib/db";
import { memberships, projectRoles } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { statusBefore, type OnboardingStep } from "./steps";

/**
 * Marks `step` done. The update is conditional on the status the role requires
 * just before it, so a step can neither be skipped nor completed twice, even
 * by two requests at once. Later issues call this from their step's domain code.
 */
export async function advanceMembership({ db, membershipId, step, actorId, ip, data }: { db: Db | Tx; membershipId: string; step: OnboardingStep; actorId: string; ip?: string | null; data?: Record<string, unknown> }): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ status: memberships.status, priceFen: projectRoles.priceFen, requiresIdentity: projectRoles.requiresIdentity })
      .from(memberships)
      .innerJoin(projectRoles, eq(projectRoles.id, memberships.roleId))
      .where(eq(memberships.id, membershipId));
    if (!row) throw new AppError("NOT_FOUND");
    const from = statusBefore(step, row);
    const updated = await tx
      .update(memberships)
      .set({ status: step, updatedAt: new Date() })
      .where(and(eq(memberships.id, membershipId), eq(memberships.status, from)))
      .returning({ id: memberships.id });
    if (updated.length !== 1) throw new AppError("STEP_NOT_REACHED", "status changed", { params: { step: from } });
    await appendAuditEntry({ db: tx, actorId, action: `membership.${step}`, subjectType: "membership", subjectId: membershipId, ip, data: { from, ...data } });
  });
}
