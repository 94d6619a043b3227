import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { envelopeRevisions } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { getBlobStorage } from "@/lib/storage";
import { loadEnvelope } from "./load-envelope";

/** The newest (or a given) revision's bytes, for participants only. */
export async function readEnvelopeFile({ actorId, envelopeId, revision }: { actorId: string; envelopeId: string; revision?: number }) {
  const { envelope } = await loadEnvelope({ actorId, envelopeId });
  const number = revision ?? envelope.currentRevision;
  const db = await getDb();
  const [rev] = await db
    .select()
    .from(envelopeRevisions)
    .where(and(eq(envelopeRevisions.envelopeId, envelopeId), eq(envelopeRevisions.number, number)));
  if (!rev) throw new AppError("NOT_FOUND");
  return { envelope, revision: rev, bytes: await getBlobStorage().get(rev.blobKey) };
}
