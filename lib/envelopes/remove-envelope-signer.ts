import "server-only";
import { and, eq } from "drizzle-orm";
import { appendAuditEntry } from "@/lib/audit";
import { getDb } from "@/lib/db";
import { envelopeSigners } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { loadEnvelope } from "./load-envelope";
import { recordEnvelopeEvent } from "./record-envelope-event";

/** Only the initiator removes signers, and only those who have not signed yet. */
export async function removeEnvelopeSigner({ actorId, envelopeId, signerId, ip }: { actorId: string; envelopeId: string; signerId: string; ip?: string | null }) {
  const { envelope, signers, isInitiator } = await loadEnvelope({ actorId, envelopeId });
  if (!isInitiator) throw new AppError("FORBIDDEN", "only the initiator removes signers");
  if (envelope.status !== "in_progress") throw new AppError("ENVELOPE_CLOSED");
  const target = signers.find((s) => s.signer.id === signerId);
  if (!target) throw new AppError("NOT_FOUND");
  if (target.signer.status === "signed") throw new AppError("ALREADY_SIGNED", "cannot remove a signer who signed");
  const db = await getDb();
  await db.transaction(async (tx) => {
    const gone = await tx
      .delete(envelopeSigners)
      .where(and(eq(envelopeSigners.id, signerId), eq(envelopeSigners.status, "pending")))
      .returning({ id: envelopeSigners.id });
    if (gone.length !== 1) throw new AppError("CONFLICT");
    await recordEnvelopeEvent(tx, { envelopeId, actorId, type: "signer_removed", data: { userId: target.signer.userId, realName: target.realName } });
    await appendAuditEntry({ db: tx, actorId, action: "envelope.signer_removed", subjectType: "envelope", subjectId: envelopeId, ip, data: { signer: target.signer.userId } });
  });
}
