import { PdfReader } from "../read/pdf-reader";
import { readAcroForm, readDocMdpPermission } from "../read/read-acroform";
import { toDerList, type ChainResult } from "./check-chain";
import { checkSignatureField } from "./check-signature-field";
import type { ChangesAfter } from "./classify-changes";
import { listRevisions } from "./list-revisions";

export interface SignatureReport {
  fieldName: string;
  kind: "signature" | "document-timestamp";
  subFilter?: string;
  signer?: { subject: string; issuer: string; serialNumber: string; certificate: Uint8Array };
  /** /M of the signature dictionary (or a signingTime attribute when /M is absent). */
  signingTime?: Date;
  /** Signature time-stamp (B-T): genTime, token integrity, and the TSA certificate's chain to the trusted roots. */
  timestamp?: { time: Date; valid: boolean; chain: ChainResult };
  integrity: { byteRangeOk: boolean; digestMatches: boolean; signatureValid: boolean };
  /** Integrity as a whole: ByteRange well-formed, digest and signature correct, time-stamp (if any) valid. */
  valid: boolean;
  byteRange?: number[];
  /** 1-based revision this signature signs; 0 when it ends in the middle of a revision. */
  revision: number;
  coversWholeFile: boolean;
  changesAfter: ChangesAfter;
  changedObjects: number[];
  chain: ChainResult;
  /** DocMDP permission when this is the certification signature. */
  certification?: number;
  problems: string[];
}

export interface PdfVerification {
  revisions: number;
  signatures: SignatureReport[];
}

/**
 * Lists and checks every signature of a PDF. Pass `trustedRoots` (DER or
 * PEM) to get a chain verdict; without them `chain.status` is "not-checked".
 */
export async function verifyPdf(bytes: Uint8Array, opts: { trustedRoots?: (Uint8Array | string)[]; password?: string } = {}): Promise<PdfVerification> {
  const reader = new PdfReader(bytes, { password: opts.password, checkXref: false });
  const revisions = listRevisions(reader);
  const roots = opts.trustedRoots ? toDerList(opts.trustedRoots) : undefined;
  const certP = readDocMdpPermission(reader);
  const fields = readAcroForm(reader).signatures.filter((s) => s.sig);
  const reports: SignatureReport[] = fields.map((f) => {
    try {
      return checkSignatureField({ reader, bytes, revisions, roots, certP, password: opts.password }, f);
    } catch (e) {
      // One unreadable signature must not hide the others: report it as broken.
      return {
        fieldName: f.name, kind: "signature", integrity: { byteRangeOk: false, digestMatches: false, signatureValid: false }, valid: false,
        revision: 0, coversWholeFile: false, changesAfter: "other", changedObjects: [], chain: { status: "invalid", path: [] },
        problems: [`the signature cannot be read: ${(e as Error).message}`],
      } satisfies SignatureReport;
    }
  });
  reports.sort((a, b) => (a.byteRange?.[3] ?? 0) + (a.byteRange?.[2] ?? 0) - ((b.byteRange?.[2] ?? 0) + (b.byteRange?.[3] ?? 0)));
  return { revisions: revisions.length, signatures: reports };
}
