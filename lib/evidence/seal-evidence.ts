import "server-only";
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { getPki } from "@/lib/certificates/get-pki";
import { unwrapSecret, wrapSecret, type WrappedSecret } from "@/lib/pki";
import { getBlobStorage } from "@/lib/storage";

// ID card photos and liveness frames are personal data of the most sensitive
// kind. Each file is encrypted (AES-256-GCM) under its own random data key;
// the data key is wrapped by the master key and kept in the database, so
// neither the blob store nor a database dump alone reveals a face.

export interface SealedEvidence {
  blobKey: string;
  wrappedKey: WrappedSecret;
  /** SHA-256 of the plaintext: kept after the file itself is deleted. */
  sha256: string;
  size: number;
}

export async function sealEvidence({ blobKey, bytes }: { blobKey: string; bytes: Uint8Array }): Promise<SealedEvidence> {
  const { masterKeys } = await getPki();
  const dataKey = randomBytes(32);
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", dataKey, iv);
  cipher.setAAD(Buffer.from(blobKey));
  const sealed = Buffer.concat([iv, cipher.update(bytes), cipher.final(), cipher.getAuthTag()]);
  await getBlobStorage().put(blobKey, sealed, { contentType: "application/octet-stream", maxBytes: sealed.length });
  const wrappedKey = wrapSecret(masterKeys, "evidence-key", dataKey);
  dataKey.fill(0);
  return { blobKey, wrappedKey, sha256: createHash("sha256").update(bytes).digest("hex"), size: bytes.length };
}

/** Decrypts one file; callers are the verification itself and the audited admin view. */
export async function openEvidence({ blobKey, wrappedKey }: { blobKey: string; wrappedKey: WrappedSecret }): Promise<Buffer> {
  const { masterKeys } = await getPki();
  const sealed = Buffer.from(await getBlobStorage().get(blobKey));
  const dataKey = unwrapSecret(masterKeys, "evidence-key", wrappedKey);
  try {
    const decipher = createDecipheriv("aes-256-gcm", dataKey, sealed.subarray(0, 12));
    decipher.setAAD(Buffer.from(blobKey));
    decipher.setAuthTag(sealed.subarray(sealed.length - 16));
    return Buffer.concat([decipher.update(sealed.subarray(12, sealed.length - 16)), decipher.final()]);
  } finally {
    dataKey.fill(0);
  }
}
