import "server-only";
import { asc, eq } from "drizzle-orm";
import { getDb, type Db, type Tx } from "@/lib/db";
import { envelopeEvents, envelopeRevisions, envelopes, envelopeSigners, users } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * An envelope with its signers, for its initiator or one of its signers only.
 * Anyone else gets NOT_FOUND — the same answer as for an id that does not exist.
 */
export async function loadEnvelope({ actorId, envelopeId, db: given }: { actorId: string; envelopeId: string; db?: Db | Tx }) {
  if (!UUID.test(envelopeId)) throw new AppError("NOT_FOUND");
  const db = given ?? (await getDb());
  const [env] = await db.select().from(envelopes).where(eq(envelopes.id, envelopeId));
  if (!env) throw new AppError("NOT_FOUND");
  const signers = await db
    .select({ signer: envelopeSigners, realName: users.realName, phone: users.phone })
    .from(envelopeSigners)
    .innerJoin(users, eq(users.id, envelopeSigners.userId))
    .where(eq(envelopeSigners.envelopeId, envelopeId))
    .orderBy(asc(envelopeSigners.position));
  const isParticipant = env.initiatorId === actorId || signers.some((s) => s.signer.userId === actorId);
  if (!isParticipant) throw new AppError("NOT_FOUND");
  return { envelope: env, signers, mySigner: signers.find((s) => s.signer.userId === actorId)?.signer ?? null, isInitiator: env.initiatorId === actorId };
}

export async function loadEnvelopeTimeline({ envelopeId }: { envelopeId: string }) {
  const db = await getDb();
  const events = await db
    .select({ event: envelopeEvents, realName: users.realName })
    .from(envelopeEvents)
    .leftJoin(users, eq(users.id, envelopeEvents.actorId))
    .where(eq(envelopeEvents.envelopeId, envelopeId))
    .orderBy(asc(envelopeEvents.at), asc(envelopeEvents.id));
  const revisions = await db.select().from(envelopeRevisions).where(eq(envelopeRevisions.envelopeId, envelopeId)).orderBy(asc(envelopeRevisions.number));
  return { events, revisions };
}
