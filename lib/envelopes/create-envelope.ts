import "server-only";
import { appendAuditEntry } from "@/lib/audit";
import { getDb } from "@/lib/db";
import { envelopes, envelopeSigners } from "@/lib/db/schema";
import { findSigningMembership } from "./find-signing-membership";
import { inspectPdf } from "./inspect-pdf";
import { recordEnvelopeEvent } from "./record-envelope-event";
import { storeRevision } from "./store-revision";

export interface CreateEnvelopeOptions {
  actorId: string;
  title: string;
  bytes: Uint8Array;
  ip?: string | null;
  /** The caller already ran inspectPdf on these bytes (openIncomingPdf): don't parse them twice. */
  inspected?: { signatures: number };
}

/** 发起签署: the uploaded PDF becomes revision 0; the initiator is the first signer when they can sign. */
export async function createEnvelope({ actorId, title, bytes, ip, inspected }: CreateEnvelopeOptions) {
  const { signatures } = inspected ?? (await inspectPdf(bytes));
  const membership = await findSigningMembership({ userId: actorId });
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [env] = await tx.insert(envelopes).values({ initiatorId: actorId, title: cleanTitle(title) }).returning();
    const revision = await storeRevision(tx, { envelopeId: env!.id, number: 0, parts: [bytes], createdBy: actorId });
    if (membership) await tx.insert(envelopeSigners).values({ envelopeId: env!.id, userId: actorId, membershipId: membership.id, position: 0 });
    await recordEnvelopeEvent(tx, { envelopeId: env!.id, actorId, type: "created", data: { title: env!.title, size: bytes.length, existingSignatures: signatures } });
    await appendAuditEntry({ db: tx, actorId, action: "envelope.created", subjectType: "envelope", subjectId: env!.id, ip, data: { sha256: revision.sha256, size: bytes.length } });
    return env!;
  });
}

/** A file name as a title: no path, no extension, no control characters, bounded. */
export function cleanTitle(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? "";
  const t = base
    .replace(/\.pdf$/i, "")
    .replace(/[\u0000-\u001f\u007f<>]/g, "")
    .trim()
    .slice(0, 120);
  return t || "未命名文件";
}
