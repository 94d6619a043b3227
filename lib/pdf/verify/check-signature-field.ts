import { X509Certificate } from "node:crypto";
import { PDFArray, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString } from "pdf-lib";
import type { PdfReader } from "../read/pdf-reader";
import type { SignatureFieldInfo } from "../read/read-acroform";
import { checkChain } from "./check-chain";
import { checkCmsSignature } from "./check-cms-signature";
import { classifyChanges } from "./classify-changes";
import { revisionIndexOf, type Revision } from "./list-revisions";
import { parsePdfDate } from "./parse-pdf-date";
import type { SignatureReport } from "./verify-pdf";

export interface FieldContext {
  reader: PdfReader;
  bytes: Uint8Array;
  revisions: Revision[];
  roots?: Uint8Array[];
  certP?: number;
  password?: string;
}

/** Everything verifyPdf reports about one signed field: byte range, CMS, time-stamp, revision, later changes, chain. */
export function checkSignatureField(ctx: FieldContext, f: SignatureFieldInfo): SignatureReport {
  const { reader, bytes, revisions, roots, certP } = ctx;
  const sig = f.sig!;
  const problems: string[] = [];
  const sub = reader.get(sig, "SubFilter");
  const subFilter = sub instanceof PDFName ? sub.decodeText() : undefined;
  const kind = subFilter === "ETSI.RFC3161" ? "document-timestamp" : "signature";
  const br = reader.get(sig, "ByteRange");
  const range = br instanceof PDFArray ? br.asArray().map((x) => (x instanceof PDFNumber ? x.asNumber() : NaN)) : [];
  const contentsObj = sig.get(PDFName.of("Contents"));
  const contents = contentsObj instanceof PDFHexString || contentsObj instanceof PDFString ? contentsObj.asBytes() : new Uint8Array(0);
  const byteRangeOk = checkByteRange(bytes, range, problems);
  const signedParts = byteRangeOk || rangesInside(bytes, range) ? [bytes.subarray(range[0], range[0] + range[1]), bytes.subarray(range[2], range[2] + range[3])] : [];
  const cms = checkCmsSignature(trimDer(contents), signedParts, kind === "document-timestamp");
  problems.push(...cms.problems);
  const m = reader.text(sig.get(PDFName.of("M")), f.sigOwner);
  const signingTime = (m && parsePdfDate(m)) || cms.signingTimeAttribute || (kind === "document-timestamp" ? cms.timestamp?.time : undefined);
  const coveredEnd = range.length === 4 ? range[2] + range[3] : -1;
  const revIndex = revisionIndexOf(revisions, coveredEnd);
  const changed = changesAfterSignature(ctx, revIndex, coveredEnd, problems);
  const chainTime = cms.timestamp?.valid ? cms.timestamp.time : signingTime ?? new Date();
  const chain = checkChain(cms.signerCertificate, cms.certificates, roots, chainTime);
  const signer = cms.signerCertificate ? describeCert(cms.signerCertificate) : undefined;
  const tsValid = cms.timestamp ? cms.timestamp.valid : true;
  const isCert = !!f.sigRef && certP !== undefined && isCertification(reader, f.sigRef.objectNumber);
  return {
    fieldName: f.name, kind, subFilter, signer, signingTime,
    timestamp: cms.timestamp
      ? { time: cms.timestamp.time, valid: cms.timestamp.valid, chain: checkChain(cms.timestamp.tsaCertificate, [...(cms.timestamp.certificates ?? []), ...cms.certificates], roots, cms.timestamp.time) }
      : undefined,
    integrity: { byteRangeOk, digestMatches: cms.digestMatches, signatureValid: cms.signatureValid },
    valid: byteRangeOk && cms.digestMatches && cms.signatureValid && tsValid,
    byteRange: range, revision: revIndex + 1, coversWholeFile: coveredEnd === bytes.length,
    changesAfter: changed.changes, changedObjects: changed.objects,
    chain, certification: isCert ? certP : undefined, problems,
  };
}

function changesAfterSignature(ctx: FieldContext, revIndex: number, coveredEnd: number, problems: string[]): ReturnType<typeof classifyChanges> {
  if (coveredEnd === ctx.bytes.length) return { changes: "none", objects: [] };
  if (revIndex < 0) {
    // Ends inside a revision: what follows cannot be attributed to later updates.
    problems.push("the signature does not end at a revision boundary");
    return { changes: "other", objects: [] };
  }
  try {
    return classifyChanges(ctx.reader, ctx.revisions, revIndex, ctx.password);
  } catch (e) {
    problems.push(`the signed revision cannot be compared with the file: ${(e as Error).message}`);
    return { changes: "other", objects: [] };
  }
}

function isCertification(reader: PdfReader, sigNum: number): boolean {
  const ref = reader.getDict(reader.catalog().dict, "Perms")?.get(PDFName.of("DocMDP"));
  return ref instanceof PDFRef && ref.objectNumber === sigNum;
}

/** [0 a b c]: starts at 0, the gap is exactly one <hex> string, all inside the file. */
function checkByteRange(bytes: Uint8Array, r: number[], problems: string[]): boolean {
  if (r.length !== 4 || r.some((x) => !Number.isInteger(x) || x < 0) || r[0] !== 0 || r[1] >= r[2] || r[2] + r[3] > bytes.length) {
    problems.push(`malformed ByteRange [${r.join(" ")}]`);
    return false;
  }
  if (bytes[r[1]] !== 0x3c || bytes[r[2] - 1] !== 0x3e) {
    problems.push("the ByteRange gap is not exactly the /Contents hex string (non-standard: '<' and '>' are signed)");
    return false;
  }
  for (let i = r[1] + 1; i < r[2] - 1; i++) {
    const b = bytes[i] | 0x20;
    if (!((b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x66) || bytes[i] <= 0x20)) {
      problems.push("the ByteRange gap contains more than the signature value");
      return false;
    }
  }
  return true;
}

const rangesInside = (bytes: Uint8Array, r: number[]) => r.length === 4 && r.every((x) => Number.isInteger(x) && x >= 0) && r[2] + r[3] <= bytes.length && r[0] + r[1] <= bytes.length;

/** /Contents is zero-padded after the DER; cut it at the DER's own length. */
function trimDer(b: Uint8Array): Uint8Array {
  if (b.length < 2 || b[0] !== 0x30 || b[1] === 0x80) return b; // BER indefinite length: the parser stops at 00 00
  const l = b[1];
  if (l < 0x80) return b.subarray(0, 2 + l);
  const n = l & 0x7f;
  let len = 0;
  for (let i = 0; i < n; i++) len = len * 256 + b[2 + i];
  return b.subarray(0, Math.min(b.length, 2 + n + len));
}

function describeCert(der: Uint8Array): SignatureReport["signer"] {
  try {
    const c = new X509Certificate(der);
    return { subject: c.subject, issuer: c.issuer, serialNumber: c.serialNumber, certificate: der };
  } catch {
    return undefined;
  }
}
