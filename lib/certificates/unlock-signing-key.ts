import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { certificates, signingKeys } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import type { PdfSigner } from "@/lib/pdf";
import { getCaCertificates, runPinAttempt, type KeyCustodyRecord } from "@/lib/pki";
import { getPki } from "./get-pki";

export interface UnlockedSigner extends PdfSigner {
  serialHex: string;
  /** Forget the unlocked key; call when the signing is over (also on failure). */
  release(): void;
}

/**
 * Checks the PIN of a membership's active key — every attempt, right or
 * wrong, is written back with a conditional update before it counts — and
 * returns a signer holding the key unlocked for this one operation only.
 * Done before any lock is taken, so a wrong PIN never rolls back with the
 * signing transaction and the PIN counter cannot be escaped.
 */
export async function unlockSigningKey({ membershipId, pin }: { membershipId: string; pin: string }): Promise<UnlockedSigner> {
  const db = await getDb();
  const [key] = await db
    .select({ id: signingKeys.id, algorithm: signingKeys.custody, serial: signingKeys.certificateSerial, der: certificates.der, status: certificates.status, notAfter: certificates.notAfter })
    .from(signingKeys)
    .innerJoin(certificates, eq(certificates.serialHex, signingKeys.certificateSerial))
    .where(and(eq(signingKeys.membershipId, membershipId), eq(signingKeys.status, "active")));
  if (!key) throw new AppError("NO_SIGNING_CERTIFICATE");
  if (key.status !== "good") throw new AppError("KEY_UNUSABLE", "certificate revoked");
  if (new Date(key.notAfter) <= new Date()) throw new AppError("CERT_EXPIRED");
  const pki = await getPki();
  const { grantKey } = await runPinAttempt({
    load: async () => (await db.select({ c: signingKeys.custody }).from(signingKeys).where(eq(signingKeys.id, key.id)))[0]?.c ?? null,
    save: async (prev: KeyCustodyRecord, next: KeyCustodyRecord) =>
      (
        await db
          .update(signingKeys)
          .set({ custody: next, revision: next.revision })
          .where(and(eq(signingKeys.id, key.id), eq(signingKeys.revision, prev.revision)))
          .returning({ id: signingKeys.id })
      ).length === 1,
    attempt: (record) => pki.custody.unlockWithPin({ record, pin, grant: true }),
  });
  if (!grantKey) throw new AppError("INTERNAL", "custody returned no operation key");
  const chain = getCaCertificates(pki.ca);
  return {
    serialHex: key.serial!,
    certificateChain: [Buffer.from(key.der, "base64"), chain.issuing.der, chain.root.der],
    keyAlgorithm: key.algorithm.algorithm.startsWith("RSA") ? "rsa" : "ec",
    async sign(data) {
      return new Uint8Array(await pki.custody.signWithGrantKey({ grantKey, data: Buffer.from(data), hash: "sha256" }));
    },
    release: () => pki.custody.endGrant(grantKey),
  };
}
