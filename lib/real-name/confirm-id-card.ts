import "server-only";
import { and, eq } from "drizzle-orm";
import { appendAuditEntry } from "@/lib/audit";
import { getDb } from "@/lib/db";
import { identityVerifications } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { loadVerification } from "./load-verification";

/** The user checked what was read from the card and confirms it. */
export async function confirmIdCard({ actorId, membershipId, ip }: { actorId: string; membershipId: string; ip?: string | null }) {
  const v = await loadVerification({ actorId, membershipId });
  if (v.status !== "card_read") throw new AppError("CONFLICT", "nothing to confirm");
  const db = await getDb();
  await db.transaction(async (tx) => {
    const rows = await tx
      .update(identityVerifications)
      .set({ status: "card_confirmed", updatedAt: new Date() })
      .where(and(eq(identityVerifications.id, v.id), eq(identityVerifications.status, "card_read")))
      .returning({ id: identityVerifications.id });
    if (rows.length !== 1) throw new AppError("CONFLICT");
    await appendAuditEntry({ db: tx, actorId, action: "identity.card_confirmed", subjectType: "identity_verification", subjectId: v.id, ip });
  });
}
