import { buildCrl } from "./build-crl";
import type { CertificateAuthority } from "./load-ca";
import type { PkiStore, StoredCrl } from "./store";

export const CRL_VALIDITY_DAYS = 7;
/** Serve a stored CRL while it has more than this left; otherwise publish a fresh one. */
const REFRESH_WHEN_LESS_THAN_MS = 6 * 86400_000;

/**
 * Issues and stores a new CRL. The number is taken before the revoked list is
 * read, so the highest-numbered CRL always contains every revocation that
 * finished before its number was drawn, even with concurrent revocations.
 */
export async function publishCrl(opts: { ca: CertificateAuthority; store: PkiStore; now?: Date }): Promise<StoredCrl> {
  const now = opts.now ?? new Date();
  const crlNumber = await opts.store.nextCrlNumber();
  const revoked = await opts.store.listRevokedCertificates(now.toISOString());
  const nextUpdate = new Date(now.getTime() + CRL_VALIDITY_DAYS * 86400_000);
  const der = buildCrl({ ca: opts.ca, revoked, crlNumber, thisUpdate: now, nextUpdate });
  const crl: StoredCrl = {
    crlNumber: crlNumber.toString(),
    der: der.toString("base64"),
    thisUpdate: now.toISOString(),
    nextUpdate: nextUpdate.toISOString(),
  };
  await opts.store.saveCrl(crl);
  return crl;
}

/** What GET /api/pki/crl serves: the stored CRL, reissued daily (and on every revocation). */
export async function getCurrentCrl(opts: { ca: CertificateAuthority; store: PkiStore; now?: Date }): Promise<Buffer> {
  const now = opts.now ?? new Date();
  const latest = await opts.store.getLatestCrl();
  if (latest && Date.parse(latest.nextUpdate) - now.getTime() > REFRESH_WHEN_LESS_THAN_MS) {
    return Buffer.from(latest.der, "base64");
  }
  return Buffer.from((await publishCrl({ ...opts, now })).der, "base64");
}
