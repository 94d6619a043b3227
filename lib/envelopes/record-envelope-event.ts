import "server-only";
import type { Db, Tx } from "@/lib/db";
import { envelopeEvents } from "@/lib/db/schema";

export type EnvelopeEventType = "created" | "signer_added" | "signer_removed" | "signed" | "completed" | "continued" | "downloaded";

/** The envelope's own timeline (shown to participants); the audit log keeps the security record. */
export async function recordEnvelopeEvent(db: Db | Tx, e: { envelopeId: string; actorId: string | null; type: EnvelopeEventType; data?: Record<string, unknown> }) {
  await db.insert(envelopeEvents).values({ envelopeId: e.envelopeId, actorId: e.actorId, type: e.type, data: e.data ?? {} });
}
