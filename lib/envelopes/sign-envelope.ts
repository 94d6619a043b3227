import "server-only";
import { and, eq, ne } from "drizzle-orm";
import { appendAuditEntry } from "@/lib/audit";
import { createTimestamper } from "@/lib/certificates/create-timestamper";
import { unlockSigningKey } from "@/lib/certificates/unlock-signing-key";
import { getDb } from "@/lib/db";
import { envelopeRevisions, envelopes, envelopeSigners, users } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { signPdf } from "@/lib/pdf";
import { getHandwrittenSignature } from "@/lib/signatures/get-handwritten-signature";
import { getBlobStorage } from "@/lib/storage";
import { findSigningMembership } from "./find-signing-membership";
import { loadEnvelope } from "./load-envelope";
import { recordEnvelopeEvent } from "./record-envelope-event";
import type { Placement } from "./sign.schema";
import { storeRevision } from "./store-revision";

export interface SignEnvelopeOptions {
  actorId: string;
  envelopeId: string;
  pin: string;
  /** Visible signatures; none → one invisible signature. Each placement is its own signature. */
  placements: Placement[];
  ip?: string | null;
  now?: Date;
}

/**
 * 签署. The envelope row is locked (SELECT … FOR UPDATE) for the whole
 * signing, so signers acting at the same moment — on any app instance — take
 * turns, and each signs the newest revision: no signature is ever lost.
 */
export async function signEnvelope({ actorId, envelopeId, pin, placements, ip, now = new Date() }: SignEnvelopeOptions) {
  const { mySigner, envelope } = await loadEnvelope({ actorId, envelopeId }); // NOT_FOUND for strangers first
  if (!mySigner) throw new AppError("NOT_A_SIGNER");
  if (mySigner.status === "signed") throw new AppError("ALREADY_SIGNED");
  if (envelope.status !== "in_progress") throw new AppError("ENVELOPE_CLOSED");
  const membership = await findSigningMembership({ userId: actorId, membershipId: mySigner.membershipId });
  if (!membership) throw new AppError("NO_SIGNING_CERTIFICATE");
  const db = await getDb();
  const [user] = await db.select({ realName: users.realName, phone: users.phone }).from(users).where(eq(users.id, actorId));
  const handwriting = await getHandwrittenSignature({ userId: actorId });
  const timestamp = await createTimestamper();
  // PIN first, outside the lock: its counter must survive whatever happens next.
  const signer = await unlockSigningKey({ membershipId: membership.id, pin });
  try {
    return await db.transaction(async (tx) => {
      // Only the transaction handle inside: PGlite has a single connection.
      const [env] = await tx.select().from(envelopes).where(eq(envelopes.id, envelopeId)).for("update");
      if (!env || env.status !== "in_progress") throw new AppError("ENVELOPE_CLOSED");
      const [me] = await tx.select().from(envelopeSigners).where(and(eq(envelopeSigners.envelopeId, envelopeId), eq(envelopeSigners.userId, actorId)));
      if (!me) throw new AppError("NOT_A_SIGNER");
      if (me.status === "signed") throw new AppError("ALREADY_SIGNED");

      const [rev] = await tx.select().from(envelopeRevisions).where(and(eq(envelopeRevisions.envelopeId, envelopeId), eq(envelopeRevisions.number, env.currentRevision)));
      const original = await getBlobStorage().get(rev!.blobKey);
      // Each placement is one more incremental update; only the earlier ones need joining.
      let parts: Uint8Array[] = [original];
      const appearance = { name: user?.realName ?? user?.phone ?? "", png: handwriting?.png, time: now, locale: "zh-CN" as const };
      const fields: string[] = [];
      for (const p of placements.length ? placements : [null]) {
        const input = parts.length === 1 ? parts[0]! : Buffer.concat(parts);
        const signed = await signPdf(input, {
          signer,
          timestamp,
          signingTime: now,
          appearance,
          placement: p ? { page: p.page, rect: { x: p.x, y: p.y, width: p.width, height: p.height } } : undefined,
          reason: "云签署 电子签名",
        });
        parts = [input, signed.update];
        fields.push(signed.fieldName);
      }

      const number = env.currentRevision + 1;
      const stored = await storeRevision(tx, { envelopeId, number, parts, createdBy: actorId, fieldName: fields.join(",") });
      await tx.update(envelopeSigners).set({ status: "signed", signedAt: now, signedRevision: number, membershipId: membership.id }).where(eq(envelopeSigners.id, me.id));
      const pending = await tx.select({ id: envelopeSigners.id }).from(envelopeSigners).where(and(eq(envelopeSigners.envelopeId, envelopeId), ne(envelopeSigners.status, "signed")));
      const completed = pending.length === 0;
      await tx
        .update(envelopes)
        .set({ currentRevision: number, updatedAt: now, ...(completed ? { status: "completed" as const, completedAt: now } : {}) })
        .where(eq(envelopes.id, envelopeId));
      await recordEnvelopeEvent(tx, { envelopeId, actorId, type: "signed", data: { revision: number, fields, certificate: signer.serialHex } });
      if (completed) await recordEnvelopeEvent(tx, { envelopeId, actorId: null, type: "completed", data: { revision: number } });
      await appendAuditEntry({ db: tx, actorId, action: "envelope.signed", subjectType: "envelope", subjectId: envelopeId, ip, data: { revision: number, sha256: stored.sha256, certificate: signer.serialHex, fields } });
      return { revision: number, sha256: stored.sha256, completed, fields, title: env.title };
    });
  } finally {
    signer.release();
  }
}
