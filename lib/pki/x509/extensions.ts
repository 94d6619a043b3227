// X.509 v3 extension encoders (RFC 5280 §4.2). Each returns one Extension.
import { createHash } from "node:crypto";
import { bitString, bool, implicit, integer, nullDer, octets, oid, seq, tlv, type Der } from "../asn1/der";
import { OID } from "../asn1/oids";

export const extension = (extOid: string, critical: boolean, value: Der): Der =>
  critical ? seq(oid(extOid), bool(true), octets(value)) : seq(oid(extOid), octets(value));

/** Method 1 of RFC 5280 §4.2.1.2: SHA-1 of the subjectPublicKey BIT STRING contents. */
export const keyIdentifier = (publicKeyBits: Buffer): Buffer => createHash("sha1").update(publicKeyBits).digest();

export function basicConstraints(ca: boolean, pathLen?: number): Der {
  const body = ca ? seq(bool(true), ...(pathLen === undefined ? [] : [integer(pathLen)])) : seq();
  return extension(OID.basicConstraints, true, body);
}

export const KEY_USAGE = {
  digitalSignature: 0,
  nonRepudiation: 1,
  keyEncipherment: 2,
  keyCertSign: 5,
  cRLSign: 6,
} as const;

/** keyUsage as a DER named-bit BIT STRING (trailing zero bits dropped, unused-bit count set). */
export function keyUsage(bits: (keyof typeof KEY_USAGE)[]): Der {
  let mask = 0;
  for (const b of bits) mask |= 1 << (15 - KEY_USAGE[b]);
  const bytes = mask & 0xff ? [mask >> 8, mask & 0xff] : [mask >> 8];
  const last = bytes[bytes.length - 1];
  let unused = 0;
  while (unused < 8 && !(last & (1 << unused))) unused++;
  return extension(OID.keyUsage, true, bitString(Buffer.from(bytes), unused));
}

export const extKeyUsage = (oids: string[], critical: boolean): Der =>
  extension(OID.extKeyUsage, critical, seq(...oids.map((o) => oid(o))));

export const subjectKeyId = (keyId: Buffer): Der => extension(OID.subjectKeyIdentifier, false, octets(keyId));

export const authorityKeyId = (keyId: Buffer): Der =>
  extension(OID.authorityKeyIdentifier, false, seq(implicit(0, keyId)));

const uri = (u: string): Der => implicit(6, Buffer.from(u, "ascii"));

export function authorityInfoAccess(urls: { ocsp?: string; caIssuers?: string }): Der {
  const items: Der[] = [];
  if (urls.ocsp) items.push(seq(oid(OID.adOcsp), uri(urls.ocsp)));
  if (urls.caIssuers) items.push(seq(oid(OID.adCaIssuers), uri(urls.caIssuers)));
  return extension(OID.authorityInfoAccess, false, seq(...items));
}

/** DistributionPoint { distributionPoint [0] { fullName [0] GeneralNames } }. */
export const crlDistributionPoints = (url: string): Der =>
  extension(OID.crlDistributionPoints, false, seq(seq(tlv(0xa0, tlv(0xa0, uri(url))))));

export const certificatePolicies = (policyOids: string[]): Der =>
  extension(OID.certificatePolicies, false, seq(...policyOids.map((p) => seq(oid(p)))));

/** id-pkix-ocsp-nocheck: clients need not check the OCSP signer's own revocation (RFC 6960 §4.2.2.2.1). */
export const ocspNoCheck = (): Der => extension(OID.ocspNoCheck, false, nullDer());
