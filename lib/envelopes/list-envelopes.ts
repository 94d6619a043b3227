import "server-only";
import { and, desc, eq, inArray, or } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { envelopes, envelopeSigners, type Envelope } from "@/lib/db/schema";

export interface EnvelopeLists {
  /** I still have to sign. */
  toSign: Envelope[];
  /** I started it or signed it; others still have to sign. */
  waiting: Envelope[];
  completed: Envelope[];
}

/** The 签署 tab: a participant's envelopes in three lists, newest first. */
export async function listEnvelopes({ actorId, limit = 50 }: { actorId: string; limit?: number }): Promise<EnvelopeLists> {
  const db = await getDb();
  const mine = await db.select({ envelopeId: envelopeSigners.envelopeId, status: envelopeSigners.status }).from(envelopeSigners).where(eq(envelopeSigners.userId, actorId));
  const signerIds = mine.map((m) => m.envelopeId);
  const rows = await db
    .select()
    .from(envelopes)
    .where(or(eq(envelopes.initiatorId, actorId), signerIds.length ? inArray(envelopes.id, signerIds) : undefined))
    .orderBy(desc(envelopes.updatedAt))
    .limit(limit * 3);
  const pendingForMe = new Set(mine.filter((m) => m.status === "pending").map((m) => m.envelopeId));
  const lists: EnvelopeLists = { toSign: [], waiting: [], completed: [] };
  for (const e of rows) {
    if (e.status === "completed") lists.completed.push(e);
    else if (e.status === "in_progress" && pendingForMe.has(e.id)) lists.toSign.push(e);
    else if (e.status === "in_progress") lists.waiting.push(e);
  }
  return { toSign: lists.toSign.slice(0, limit), waiting: lists.waiting.slice(0, limit), completed: lists.completed.slice(0, limit) };
}

export async function countToSign({ actorId }: { actorId: string }): Promise<number> {
  const db = await getDb();
  const rows = await db
    .select({ id: envelopes.id })
    .from(envelopeSigners)
    .innerJoin(envelopes, eq(envelopes.id, envelopeSigners.envelopeId))
    .where(and(eq(envelopeSigners.userId, actorId), eq(envelopeSigners.status, "pending"), eq(envelopes.status, "in_progress")));
  return rows.length;
}
