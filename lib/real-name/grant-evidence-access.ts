import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { assertAdmin } from "@/lib/admin/assert-admin";
import { appendAuditEntry } from "@/lib/audit";
import { getDb } from "@/lib/db";
import { evidenceAccessGrants, identityVerifications } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";

export const EVIDENCE_GRANT_TTL_MS = 10 * 60_000;

export const EvidenceAccessSchema = z.object({
  verificationId: z.string().uuid(),
  reason: z.string().trim().min(4, { message: "reason_required" }).max(200, { message: "too_long" }),
});

/**
 * Looking at someone's ID card and face is never routine: the admin states
 * why, the reason goes to the audit log, and the grant lasts ten minutes.
 */
export async function grantEvidenceAccess({ actorId, verificationId, reason, ip, now = new Date() }: z.infer<typeof EvidenceAccessSchema> & { actorId: string; ip?: string | null; now?: Date }) {
  await assertAdmin(actorId);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [v] = await tx.select({ id: identityVerifications.id }).from(identityVerifications).where(eq(identityVerifications.id, verificationId));
    if (!v) throw new AppError("NOT_FOUND", "verification");
    const expiresAt = new Date(now.getTime() + EVIDENCE_GRANT_TTL_MS);
    const [grant] = await tx.insert(evidenceAccessGrants).values({ adminId: actorId, verificationId, reason, createdAt: now, expiresAt }).returning({ id: evidenceAccessGrants.id });
    await appendAuditEntry({ db: tx, actorId, action: "identity.evidence_access_granted", subjectType: "identity_verification", subjectId: verificationId, ip, data: { grantId: grant!.id, reason, expiresAt: expiresAt.toISOString() } });
    return { grantId: grant!.id, expiresAt };
  });
}
