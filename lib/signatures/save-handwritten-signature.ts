import "server-only";
import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { appendAuditEntry } from "@/lib/audit";
import { getDb } from "@/lib/db";
import { handwrittenSignatures, memberships } from "@/lib/db/schema";
import { advanceMembership } from "@/lib/onboarding/advance-membership";
import { checkSignaturePng } from "./check-signature-png";

/**
 * Stores a new handwritten signature for the user and completes the
 * `signature_ready` step of every membership waiting for it.
 */
export async function saveHandwrittenSignature({ userId, png, ip }: { userId: string; png: Uint8Array; ip?: string | null }) {
  const { width, height } = checkSignaturePng(png);
  const sha256 = createHash("sha256").update(png).digest("hex");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(handwrittenSignatures).values({ userId, png, width, height, sha256 }).returning({ id: handwrittenSignatures.id });
    await appendAuditEntry({ db: tx, actorId: userId, action: "signature.saved", subjectType: "handwritten_signature", subjectId: row!.id, ip, data: { sha256, width, height } });
    const waiting = await tx
      .select({ id: memberships.id })
      .from(memberships)
      .where(and(eq(memberships.userId, userId), eq(memberships.status, "certified")));
    for (const m of waiting) await advanceMembership({ db: tx, membershipId: m.id, step: "signature_ready", actorId: userId, ip });
    return { id: row!.id, width, height, completedMemberships: waiting.map((m) => m.id) };
  });
}
