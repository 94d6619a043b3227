import "server-only";
import { createHash } from "node:crypto";
import { desc, eq } from "drizzle-orm";
import { appendAuditEntry } from "@/lib/audit";
import { getDb } from "@/lib/db";
import { envelopeRevisions, envelopes } from "@/lib/db/schema";
import { isAppError } from "@/lib/errors";
import { createEnvelope } from "./create-envelope";
import { inspectPdf } from "./inspect-pdf";
import { loadEnvelope } from "./load-envelope";
import { recordEnvelopeEvent } from "./record-envelope-event";
import { storeRevision } from "./store-revision";
import { HEAD_BYTES } from "./upload-limits";

/**
 * A PDF arrives (share sheet, "open with", file picker). If one of our stored
 * revisions is a byte prefix of it — the file was signed here and shared on —
 * the same envelope continues; bytes appended elsewhere since become a new
 * revision. Otherwise it is a new envelope (earlier signatures by anyone are
 * kept: we only ever append).
 */
export async function openIncomingPdf({ actorId, fileName, bytes, ip }: { actorId: string; fileName: string; bytes: Uint8Array; ip?: string | null }) {
  const inspected = await inspectPdf(bytes);
  const db = await getDb();
  const head = createHash("sha256").update(bytes.subarray(0, HEAD_BYTES)).digest("hex");
  const candidates = await db.select().from(envelopeRevisions).where(eq(envelopeRevisions.headSha256, head)).orderBy(desc(envelopeRevisions.size));
  for (const rev of candidates) {
    if (rev.size > bytes.length) continue;
    const prefix = createHash("sha256").update(bytes.subarray(0, rev.size)).digest("hex");
    if (prefix !== rev.sha256) continue;
    // Same bytes, but is this person part of that envelope? If not, it is a new envelope for them.
    const access = await loadEnvelope({ actorId, envelopeId: rev.envelopeId }).catch((e: unknown) => (isAppError(e) ? null : Promise.reject(e)));
    if (!access) continue;
    if (rev.size === bytes.length || rev.number !== access.envelope.currentRevision || access.envelope.status !== "in_progress") {
      return { envelopeId: rev.envelopeId, continued: true, appended: false };
    }
    await db.transaction(async (tx) => {
      const [env] = await tx.select().from(envelopes).where(eq(envelopes.id, rev.envelopeId)).for("update");
      if (env!.currentRevision !== rev.number) return; // someone signed meanwhile: keep ours
      const number = rev.number + 1;
      await storeRevision(tx, { envelopeId: rev.envelopeId, number, parts: [bytes], createdBy: actorId });
      await tx.update(envelopes).set({ currentRevision: number, updatedAt: new Date() }).where(eq(envelopes.id, rev.envelopeId));
      await recordEnvelopeEvent(tx, { envelopeId: rev.envelopeId, actorId, type: "continued", data: { revision: number, addedBytes: bytes.length - rev.size } });
      await appendAuditEntry({ db: tx, actorId, action: "envelope.continued", subjectType: "envelope", subjectId: rev.envelopeId, ip, data: { revision: number } });
    });
    return { envelopeId: rev.envelopeId, continued: true, appended: true };
  }
  const env = await createEnvelope({ actorId, title: fileName, bytes, ip, inspected });
  return { envelopeId: env.id, continued: false, appended: false };
}
