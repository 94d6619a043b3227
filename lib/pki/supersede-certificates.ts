import type { CertificateAuthority } from "./load-ca";
import { publishCrl } from "./publish-crl";
import type { PkiStore } from "./store";

/**
 * Renewal: once a new certificate exists for a subject, every other still-good
 * certificate of that subject is revoked with reason "superseded" and the CRL
 * is reissued. Runs after the insert of the new certificate, so there is never
 * a moment with no valid certificate; conditional revocation makes a rerun
 * (e.g. after a crash between the steps) harmless. Returns the revoked serials.
 */
export async function supersedeCertificates(opts: {
  ca: CertificateAuthority;
  store: PkiStore;
  subjectRef: string;
  keepSerialHex: string;
  now?: Date;
}): Promise<string[]> {
  const { store } = opts;
  const now = opts.now ?? new Date();
  const keep = await store.getCertificate(opts.keepSerialHex);
  if (!keep || keep.subjectRef !== opts.subjectRef) throw new Error("the superseding certificate must exist first");
  const revoked: string[] = [];
  for (const c of await store.listCertificatesBySubject(opts.subjectRef)) {
    if (c.serialHex === opts.keepSerialHex || c.status !== "good") continue;
    // Only certificates issued before the new one: a newer one is not ours to supersede.
    if (Date.parse(c.issuedAt) > Date.parse(keep.issuedAt)) continue;
    if (await store.revokeCertificate(c.serialHex, now.toISOString(), "superseded")) revoked.push(c.serialHex);
  }
  if (revoked.length) await publishCrl({ ca: opts.ca, store, now });
  return revoked;
}
