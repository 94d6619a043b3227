import { randomBytes } from "node:crypto";
import { bitString, explicit, integer, seq, x509Time, type Der } from "../asn1/der";
import type { Signer } from "../keys";

export interface CertificateTemplate {
  serial: Buffer;
  issuerName: Der;
  subjectName: Der;
  notBefore: Date;
  notAfter: Date;
  /** SubjectPublicKeyInfo DER, straight from KeyObject.export({ type: "spki" }). */
  subjectPublicKeyInfo: Der;
  extensions: Der[];
}

/**
 * 128 random bits as an unsigned value; the INTEGER encoder adds a 0x00 pad when
 * the top bit is set, so the encoding is ≤ 17 octets (RFC 5280 allows 20).
 * Forcing the first byte non-zero keeps every serial the same hex length.
 */
export function randomSerial(): Buffer {
  const b = randomBytes(16);
  if (b[0] === 0) b[0] = 0x01;
  return b;
}

/** DER-encodes the TBSCertificate, signs those bytes with Node crypto and assembles the Certificate. */
export function buildCertificate(t: CertificateTemplate, issuer: Signer): Buffer {
  const tbs = seq(
    explicit(0, integer(2)), // v3
    integer(t.serial),
    issuer.algorithmIdentifier,
    t.issuerName,
    seq(x509Time(t.notBefore), x509Time(t.notAfter)),
    t.subjectName,
    t.subjectPublicKeyInfo,
    explicit(3, seq(...t.extensions)),
  );
  return seq(tbs, issuer.algorithmIdentifier, bitString(issuer.sign(tbs)));
}
