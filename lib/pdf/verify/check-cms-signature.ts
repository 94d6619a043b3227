import { constants, createHash, createVerify, X509Certificate, type KeyObject } from "node:crypto";
import { children, compareBytes, decodeOid, decodeTime, type Node } from "../cms/der";
import { DIGEST_BY_OID, OID } from "../cms/oids";
import { readCertificateIds } from "../cms/read-certificate";
import { parseCms, parseTstInfo, type ParsedCms } from "./parse-cms";

export interface CmsCheck {
  digestMatches: boolean;
  signatureValid: boolean;
  signerCertificate?: Uint8Array;
  certificates: Uint8Array[];
  signingTimeAttribute?: Date;
  hasSigningCertificateV2: boolean;
  timestamp?: { time: Date; valid: boolean; tsaCertificate?: Uint8Array; certificates?: Uint8Array[] };
  problems: string[];
}

/**
 * Checks a CMS signature over `content` (the signed byte ranges). For a
 * document time-stamp (`isTimestamp`), the CMS is itself a time-stamp token
 * whose message imprint must be the digest of the content.
 */
export function checkCmsSignature(der: Uint8Array, content: Uint8Array[], isTimestamp = false): CmsCheck {
  try {
    return checkCms(der, content, isTimestamp);
  } catch (e) {
    // A malformed CMS is a broken signature to report, not an error of the verifier.
    return { digestMatches: false, signatureValid: false, certificates: [], hasSigningCertificateV2: false, problems: [`CMS is malformed: ${(e as Error).message}`] };
  }
}

function checkCms(der: Uint8Array, content: Uint8Array[], isTimestamp: boolean): CmsCheck {
  const problems: string[] = [];
  let cms: ParsedCms;
  try {
    cms = parseCms(der);
  } catch (e) {
    return { digestMatches: false, signatureValid: false, certificates: [], hasSigningCertificateV2: false, problems: [`CMS cannot be parsed: ${(e as Error).message}`] };
  }
  const si = cms.signerInfo;
  const hash = DIGEST_BY_OID[si.digestOid];
  const signerCertificate = findSigner(cms);
  const out: CmsCheck = {
    digestMatches: false, signatureValid: false, signerCertificate, certificates: cms.certificates,
    hasSigningCertificateV2: si.attrs.has(OID.signingCertificateV2), problems,
  };
  if (!hash) return { ...out, problems: [`unsupported digest algorithm ${si.digestOid}`] };
  if (!signerCertificate) problems.push("the signer certificate is not in the CMS");
  if (isTimestamp) {
    const tst = cms.eContent && parseTstInfo(cms.eContent);
    const h = tst && DIGEST_BY_OID[tst.imprintOid];
    out.digestMatches = !!h && compareBytes(digestOf(h, content), tst!.imprint) === 0;
    if (tst) out.timestamp = { time: decodeTime(tst.genTime), valid: false };
  }
  if (si.signedAttrs) {
    const md = si.attrs.get(OID.messageDigest)?.[0]?.value;
    const target = isTimestamp ? [cms.eContent ?? new Uint8Array(0)] : content;
    const ok = !!md && compareBytes(digestOf(hash, target), md) === 0;
    if (isTimestamp) out.digestMatches &&= ok;
    else out.digestMatches = ok;
    const st = si.attrs.get(OID.signingTime)?.[0];
    if (st) out.signingTimeAttribute = decodeTime(st);
    out.signatureValid = !!signerCertificate && verifyRaw(si.signatureOid, hash, [si.signedAttrs], signerCertificate, si.signature, si.signatureParams);
    // ESS signing-certificate(-v2) binds the signer certificate into what was signed: it must name this certificate.
    const ess = si.attrs.get(OID.signingCertificateV2)?.[0] ?? si.attrs.get(OID.signingCertificate)?.[0];
    if (ess && signerCertificate && !essMatches(ess, signerCertificate, si.attrs.has(OID.signingCertificateV2))) {
      out.signatureValid = false;
      problems.push("the signing-certificate attribute does not match the signer certificate");
    }
  } else {
    // No signed attributes (old adbe.pkcs7.detached): the signature is over the content itself.
    out.digestMatches = true;
    out.signatureValid = !!signerCertificate && verifyRaw(si.signatureOid, hash, content, signerCertificate, si.signature, si.signatureParams);
    if (!out.signatureValid) out.digestMatches = false; // cannot tell the two apart
  }
  if (!out.digestMatches) problems.push("the document digest does not match: the signed bytes were changed");
  else if (!out.signatureValid) problems.push("the cryptographic signature does not verify");
  const token = si.unsignedAttrs.get(OID.signatureTimeStampToken)?.[0];
  if (token && !isTimestamp) {
    const ts = checkCmsSignature(token.bytes, [si.signature], true);
    out.timestamp = { time: ts.timestamp?.time ?? new Date(NaN), valid: ts.digestMatches && ts.signatureValid, tsaCertificate: ts.signerCertificate, certificates: ts.certificates };
    if (!out.timestamp.valid) problems.push("the signature time-stamp does not verify");
  } else if (isTimestamp && out.timestamp) {
    out.timestamp.valid = out.digestMatches && out.signatureValid;
    out.timestamp.tsaCertificate = signerCertificate;
  }
  return out;
}

function digestOf(alg: string, parts: Uint8Array[]): Uint8Array {
  const h = createHash(alg);
  for (const p of parts) h.update(p);
  return new Uint8Array(h.digest());
}

function findSigner(cms: ParsedCms): Uint8Array | undefined {
  const { issuer, serial, ski } = cms.signerInfo.sid;
  for (const c of cms.certificates) {
    try {
      if (issuer && serial) {
        const ids = readCertificateIds(c);
        if (compareBytes(ids.issuer, issuer) === 0 && compareBytes(ids.serial, serial) === 0) return c;
      }
    } catch {
      /* skip unreadable certificates */
    }
  }
  // subjectKeyIdentifier sids are rare in PDFs; the signer certificate comes first by convention.
  return ski ? cms.certificates[0] : undefined;
}

function verifyRaw(sigOid: string, hash: string, parts: Uint8Array[], cert: Uint8Array, sig: Uint8Array, params?: unknown): boolean {
  try {
    const key: KeyObject = new X509Certificate(cert).publicKey;
    const v = createVerify(hash);
    for (const p of parts) v.update(p);
    if (sigOid === OID.rsaPss) {
      return v.verify({ key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_AUTO }, sig);
    }
    void params;
    return v.verify(key, sig);
  } catch {
    return false;
  }
}

function essMatches(attr: Node, cert: Uint8Array, v2: boolean): boolean {
  const first = children(children(attr)[0])[0]; // certs SEQUENCE OF → first ESSCertID(v2)
  const f = children(first);
  let alg = v2 ? "sha256" : "sha1";
  let i = 0;
  if (v2 && f[0].tag === 0x30) {
    alg = DIGEST_BY_OID[decodeOid(children(f[0])[0])] ?? "unknown";
    i = 1;
  }
  if (alg === "unknown") return false;
  return compareBytes(digestOf(alg, [cert]), f[i].value) === 0;
}
