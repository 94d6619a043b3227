import "server-only";
import { and, eq } from "drizzle-orm";
import { appendAuditEntry } from "@/lib/audit";
import { getDb } from "@/lib/db";
import { identityVerifications } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { checkCardValidity } from "@/lib/identity/check-card-validity";
import { loadVerification } from "./load-verification";
import { validUntilLabel } from "./valid-until-label";

const normalize = (s: string) => s.replace(/\s+/g, "");

/**
 * The user checked what was read from the card and confirms it, with the
 * 有效期限 as read (or corrected, or typed when the back was unreadable) —
 * which must parse and be in force today. Where it came from is audited.
 */
export async function confirmIdCard({ actorId, membershipId, validity, ip, now }: { actorId: string; membershipId: string; validity: string; ip?: string | null; now?: Date }) {
  const v = await loadVerification({ actorId, membershipId });
  if (v.status !== "card_read") throw new AppError("CONFLICT", "nothing to confirm");
  const checked = checkCardValidity(validity, now);
  if (!checked.ok) throw new AppError(checked.reason, "card validity");
  const source = v.cardValidity === null ? "typed" : normalize(validity) === normalize(v.cardValidity) ? "ocr" : "corrected";
  const db = await getDb();
  await db.transaction(async (tx) => {
    const rows = await tx
      .update(identityVerifications)
      .set({ status: "card_confirmed", cardValidity: validity.trim(), cardValidUntil: validUntilLabel(checked.validUntil), updatedAt: new Date() })
      .where(and(eq(identityVerifications.id, v.id), eq(identityVerifications.status, "card_read")))
      .returning({ id: identityVerifications.id });
    if (rows.length !== 1) throw new AppError("CONFLICT");
    await appendAuditEntry({ db: tx, actorId, action: "identity.card_confirmed", subjectType: "identity_verification", subjectId: v.id, ip, data: { validitySource: source, validUntil: checked.validUntil } });
  });
}
