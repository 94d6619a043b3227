import { AppError } from "@/lib/errors";
import type { CertificateAuthority } from "./load-ca";
import { publishCrl } from "./publish-crl";
import { REASON_CODES, type PkiStore, type RevocationReason } from "./store";

/**
 * Revokes a certificate and reissues the CRL. Idempotent: revoking an already
 * revoked certificate changes nothing and returns { revoked: false }.
 */
export async function revokeCertificate(opts: {
  ca: CertificateAuthority;
  store: PkiStore;
  serialHex: string;
  reason: RevocationReason;
  now?: Date;
}): Promise<{ revoked: boolean }> {
  const serialHex = opts.serialHex.toLowerCase().replace(/^(00)+(?=..)/, "");
  if (!(opts.reason in REASON_CODES)) throw new AppError("INVALID_INPUT", `unknown revocation reason ${opts.reason}`);
  const now = opts.now ?? new Date();
  const cert = await opts.store.getCertificate(serialHex);
  if (!cert) throw new AppError("CERT_NOT_FOUND", `no certificate with serial ${serialHex}`);
  const revoked = await opts.store.revokeCertificate(serialHex, now.toISOString(), opts.reason);
  if (revoked) await publishCrl({ ca: opts.ca, store: opts.store, now });
  return { revoked };
}
