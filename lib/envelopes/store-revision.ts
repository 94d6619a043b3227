import "server-only";
import { createHash } from "node:crypto";
import type { Tx } from "@/lib/db";
import { envelopeRevisions } from "@/lib/db/schema";
import { getBlobStorage } from "@/lib/storage";
import { HEAD_BYTES } from "./upload-limits";

/**
 * Writes a revision's bytes to blob storage and records it with its hashes.
 * A signed revision is passed as [previous bytes, appended update]: streamed
 * to storage in one pass, a 50 MB file is never copied into a second buffer.
 */
export async function storeRevision(tx: Tx, r: { envelopeId: string; number: number; parts: Uint8Array[]; createdBy: string; fieldName?: string | null }) {
  const key = `envelopes/${r.envelopeId}/r${r.number}.pdf`;
  const size = r.parts.reduce((n, p) => n + p.length, 0);
  const head = createHash("sha256");
  let left = HEAD_BYTES;
  for (const p of r.parts) {
    if (left <= 0) break;
    head.update(p.subarray(0, left));
    left -= p.length;
  }
  const parts = r.parts;
  const stored = await getBlobStorage().put(
    key,
    (async function* () {
      yield* parts;
    })(),
    { contentType: "application/pdf", maxBytes: size },
  );
  await tx.insert(envelopeRevisions).values({
    envelopeId: r.envelopeId,
    number: r.number,
    blobKey: key,
    size: stored.size,
    sha256: stored.sha256,
    headSha256: head.digest("hex"),
    createdBy: r.createdBy,
    fieldName: r.fieldName ?? null,
  });
  return { key, sha256: stored.sha256 };
}
