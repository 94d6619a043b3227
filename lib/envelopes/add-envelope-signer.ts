import "server-only";
import { and, eq, max } from "drizzle-orm";
import { appendAuditEntry } from "@/lib/audit";
import { getDb } from "@/lib/db";
import { envelopeSigners, users } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { loadEnvelope } from "./load-envelope";
import { recordEnvelopeEvent } from "./record-envelope-event";

/**
 * 添加签署人: the initiator names a registered user by real name AND mobile;
 * both must match one account. A mismatch says only "no such user", so the
 * form cannot be used to look up whose number is whose.
 */
export async function addEnvelopeSigner({ actorId, envelopeId, realName, phone, ip }: { actorId: string; envelopeId: string; realName: string; phone: string; ip?: string | null }) {
  const { envelope, signers, isInitiator } = await loadEnvelope({ actorId, envelopeId });
  if (!isInitiator) throw new AppError("FORBIDDEN", "only the initiator adds signers");
  if (envelope.status !== "in_progress") throw new AppError("ENVELOPE_CLOSED");
  const db = await getDb();
  const [user] = await db.select({ id: users.id }).from(users).where(and(eq(users.phone, phone), eq(users.realName, realName)));
  if (!user) throw new AppError("SIGNER_NOT_FOUND");
  if (signers.some((s) => s.signer.userId === user.id)) throw new AppError("SIGNER_ALREADY_ADDED");
  return db.transaction(async (tx) => {
    const [{ last }] = (await tx.select({ last: max(envelopeSigners.position) }).from(envelopeSigners).where(eq(envelopeSigners.envelopeId, envelopeId))) as [{ last: number | null }];
    const [row] = await tx
      .insert(envelopeSigners)
      .values({ envelopeId, userId: user.id, position: (last ?? -1) + 1 })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new AppError("SIGNER_ALREADY_ADDED");
    await recordEnvelopeEvent(tx, { envelopeId, actorId, type: "signer_added", data: { userId: user.id, realName } });
    await appendAuditEntry({ db: tx, actorId, action: "envelope.signer_added", subjectType: "envelope", subjectId: envelopeId, ip, data: { signer: user.id } });
    return row;
  });
}
