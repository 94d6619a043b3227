import "server-only";
import { createHash } from "node:crypto";
import type { Tx } from "@/lib/db";
import { envelopeRevisions } from "@/lib/db/schema";
import { getBlobStorage } from "@/lib/storage";
import { HEAD_BYTES } from "./upload-limits";

/** Writes a revision's bytes to blob storage and records it with its hashes. */
export async function storeRevision(tx: Tx, r: { envelopeId: string; number: number; bytes: Uint8Array; createdBy: string; fieldName?: string | null }) {
  const key = `envelopes/${r.envelopeId}/r${r.number}.pdf`;
  const stored = await getBlobStorage().put(key, r.bytes, { contentType: "application/pdf", maxBytes: r.bytes.length });
  const headSha256 = createHash("sha256").update(r.bytes.subarray(0, HEAD_BYTES)).digest("hex");
  await tx.insert(envelopeRevisions).values({
    envelopeId: r.envelopeId,
    number: r.number,
    blobKey: key,
    size: stored.size,
    sha256: stored.sha256,
    headSha256,
    createdBy: r.createdBy,
    fieldName: r.fieldName ?? null,
  });
  return { key, sha256: stored.sha256 };
}
