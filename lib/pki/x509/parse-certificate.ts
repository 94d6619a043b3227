import { children, encodeNode, integerBytes, isContext, parseDer, timeValue, Type, type Node } from "../asn1/read";
import { keyIdentifier } from "./extensions";

export interface ParsedCertificate {
  der: Buffer;
  /** Serial as lower-case hex without leading zero bytes: the key of certificate records. */
  serialHex: string;
  serial: Buffer;
  issuerName: Buffer;
  subjectName: Buffer;
  subjectPublicKeyInfo: Buffer;
  /** Contents of subjectPublicKey BIT STRING (no unused-bits byte): what OCSP key hashes cover. */
  publicKeyBits: Buffer;
  /** SHA-1 key identifier as we put in SKI/AKI. */
  keyId: Buffer;
  notBefore: Date;
  notAfter: Date;
}

export function serialToHex(serial: Buffer): string {
  let i = 0;
  while (i < serial.length - 1 && serial[i] === 0) i++;
  return serial.subarray(i).toString("hex");
}

function publicKeyBitsOf(spki: Node): Buffer {
  const [, keyBitString] = children(spki, "SubjectPublicKeyInfo");
  if (keyBitString.type !== Type.BITSTRING || typeof keyBitString.value !== "string") throw new Error("bad SPKI");
  return Buffer.from(keyBitString.value, "binary").subarray(1); // drop the unused-bits octet
}

/** SKI/AKI key identifier of an SPKI DER (as exported by Node). */
export const spkiKeyId = (spki: Buffer): Buffer => keyIdentifier(publicKeyBitsOf(parseDer(spki)));

export function parseCertificate(der: Buffer): ParsedCertificate {
  const [tbs] = children(parseDer(der), "Certificate");
  const f = children(tbs, "TBSCertificate");
  const o = isContext(f[0], 0) ? 1 : 0; // version is optional (v1)
  const serial = integerBytes(f[o]);
  const [notBefore, notAfter] = children(f[o + 3], "Validity");
  const spki = f[o + 5];
  const publicKeyBits = publicKeyBitsOf(spki);
  return {
    der,
    serial,
    serialHex: serialToHex(serial),
    issuerName: encodeNode(f[o + 2]),
    subjectName: encodeNode(f[o + 4]),
    subjectPublicKeyInfo: encodeNode(spki),
    publicKeyBits,
    keyId: keyIdentifier(publicKeyBits),
    notBefore: timeValue(notBefore),
    notAfter: timeValue(notAfter),
  };
}

export const toPem = (der: Buffer, label = "CERTIFICATE"): string =>
  `-----BEGIN ${label}-----\n${der.toString("base64").replace(/.{64}/g, "$&\n").replace(/\n$/, "")}\n-----END ${label}-----\n`;
