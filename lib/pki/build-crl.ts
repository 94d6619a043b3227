import { bitString, enumerated, explicit, integer, seq, x509Time, type Der } from "./asn1/der";
import { OID } from "./asn1/oids";
import type { CertificateAuthority } from "./load-ca";
import { REASON_CODES, type CertificateRecord } from "./store";
import * as ext from "./x509/extensions";

/** An RFC 5280 v2 CRL signed by the issuing CA, with AKI and cRLNumber; reason codes per entry. */
export function buildCrl(opts: {
  ca: CertificateAuthority;
  revoked: CertificateRecord[];
  crlNumber: bigint;
  thisUpdate: Date;
  nextUpdate: Date;
}): Buffer {
  const signer = opts.ca.signer("issuing");
  const entries = opts.revoked
    .filter((r) => r.status === "revoked" && r.revokedAt)
    .map((r) => {
      const code = REASON_CODES[r.reason ?? "unspecified"];
      // RFC 5280 §5.3.1: omit reasonCode rather than use unspecified (0).
      const entryExts: Der[] = code ? [seq(ext.extension(OID.crlReason, false, enumerated(code)))] : [];
      return seq(integer(Buffer.from(r.serialHex, "hex")), x509Time(new Date(r.revokedAt!)), ...entryExts);
    });
  const tbs = seq(
    integer(1), // v2
    signer.algorithmIdentifier,
    opts.ca.issuing.subjectName,
    x509Time(opts.thisUpdate),
    x509Time(opts.nextUpdate),
    ...(entries.length ? [seq(...entries)] : []), // an empty list must be absent, not an empty SEQUENCE
    explicit(0, seq(ext.authorityKeyId(opts.ca.issuing.keyId), ext.extension(OID.crlNumber, false, integer(opts.crlNumber)))),
  );
  return seq(tbs, signer.algorithmIdentifier, bitString(signer.sign(tbs)));
}
