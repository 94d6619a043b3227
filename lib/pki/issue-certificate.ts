// The personal signing certificate profile (see README "Certificate profile").
import { createPublicKey, type KeyObject } from "node:crypto";
import { AppError } from "@/lib/errors";
import { OID, OID_CERT_POLICY_PERSONAL } from "./asn1/oids";
import { derivePseudonym } from "./derive-pseudonym";
import { spkiDer } from "./keys";
import type { CertificateAuthority } from "./load-ca";
import type { CertificateRecord, PkiStore } from "./store";
import { supersedeCertificates } from "./supersede-certificates";
import { buildCertificate, randomSerial } from "./x509/build-certificate";
import * as ext from "./x509/extensions";
import { encodeName } from "./x509/name";
import { serialToHex, spkiKeyId } from "./x509/parse-certificate";

export interface IssueCertificateOptions {
  ca: CertificateAuthority;
  store: PkiStore;
  /** The app's user id; certificates of one subjectRef supersede each other. */
  subjectRef: string;
  /** Real name as on the ID card → CN. */
  realName: string;
  /** ID card number: only its keyed pseudonym goes into the certificate. */
  idNumber: string;
  /** The project's organisation → O. */
  organisation: string;
  /** Signer role within the project → OU. */
  role: string;
  /** SPKI DER or a KeyObject, from KeyCustody.generateKey. */
  publicKey: Buffer | KeyObject;
  validityDays?: number;
  /** Revoke the subject's earlier good certificates with reason superseded (default true). */
  supersede?: boolean;
  now?: Date;
}

export interface IssuedCertificate {
  record: CertificateRecord;
  der: Buffer;
  /** Serials revoked as superseded by this issuance. */
  superseded: string[];
}

const checkField = (name: string, v: string) => {
  // X.520 upper bound for CN/O/OU is 64 characters.
  if (!v.trim() || [...v].length > 64) throw new AppError("INVALID_INPUT", `${name} must be 1–64 characters`, { fieldErrors: { [name]: "length" } });
};

export async function issueCertificate(opts: IssueCertificateOptions): Promise<IssuedCertificate> {
  const { ca, store } = opts;
  for (const [k, v] of [["realName", opts.realName], ["organisation", opts.organisation], ["role", opts.role]] as const) checkField(k, v);
  const now = opts.now ?? new Date();
  const notBefore = new Date(now.getTime() - 5 * 60 * 1000); // tolerate slightly slow client clocks
  let notAfter = new Date(now.getTime() + (opts.validityDays ?? 365) * 86400_000);
  // A certificate must not outlive its issuer.
  if (notAfter > ca.issuing.notAfter) notAfter = ca.issuing.notAfter;
  const spki = Buffer.isBuffer(opts.publicKey) ? createPublicKey({ key: opts.publicKey, format: "der", type: "spki" }) : opts.publicKey;
  const serial = randomSerial();
  const der = buildCertificate(
    {
      serial,
      issuerName: ca.issuing.subjectName,
      subjectName: encodeName({
        C: "CN",
        O: opts.organisation.trim(),
        OU: opts.role.trim(),
        CN: opts.realName.trim(),
        serialNumber: derivePseudonym(ca, opts.idNumber),
      }),
      notBefore,
      notAfter,
      subjectPublicKeyInfo: spkiDer(spki),
      extensions: [
        ext.basicConstraints(false),
        ext.keyUsage(["digitalSignature", "nonRepudiation"]),
        ext.extKeyUsage([OID.kpDocumentSigning, OID.msDocumentSigning, OID.kpEmailProtection], false),
        ext.certificatePolicies([OID_CERT_POLICY_PERSONAL]),
        ext.authorityInfoAccess({ ocsp: ca.urls.ocsp, caIssuers: ca.urls.caIssuers }),
        ext.crlDistributionPoints(ca.urls.crl),
        ext.subjectKeyId(spkiKeyId(spkiDer(spki))),
        ext.authorityKeyId(ca.issuing.keyId),
      ],
    },
    ca.signer("issuing"),
  );
  const record: CertificateRecord = {
    serialHex: serialToHex(serial),
    subjectRef: opts.subjectRef,
    der: der.toString("base64"),
    notBefore: notBefore.toISOString(),
    notAfter: notAfter.toISOString(),
    status: "good",
    revokedAt: null,
    reason: null,
    issuedAt: now.toISOString(),
  };
  await store.insertCertificate(record);
  const superseded =
    opts.supersede === false
      ? []
      : await supersedeCertificates({ ca, store, subjectRef: opts.subjectRef, keepSerialHex: record.serialHex, now });
  return { record, der, superseded };
}
