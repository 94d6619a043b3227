import { findPage } from "./read/find-page";
import { PdfReader } from "./read/pdf-reader";
import { readAcroForm, readDocMdpPermission } from "./read/read-acroform";

export interface PdfInspection {
  version: string;
  pageCount: number;
  encrypted: boolean;
  xref: "table" | "stream";
  /** Signature fields that carry a signature (empty ones are not counted). */
  signatureCount: number;
  /** DocMDP permission when the document is certified. */
  certification?: number;
  /** False when another signature is not allowed (certified with P=1). */
  canAddSignature: boolean;
}

/**
 * The signing engine's own pre-flight, for upload checks: reads the file the
 * way signPdf does (strict xref check, password, page tree) and throws the
 * same AppErrors, without writing anything.
 */
export function inspectPdf(bytes: Uint8Array, opts: { password?: string } = {}): PdfInspection {
  const reader = new PdfReader(bytes, { password: opts.password });
  const pageCount = findPage(reader, 0).pageCount;
  const form = readAcroForm(reader);
  const certification = readDocMdpPermission(reader);
  return {
    version: reader.version,
    pageCount,
    encrypted: !!reader.fileKey,
    xref: reader.xref.lastKind,
    signatureCount: form.signatures.filter((s) => s.sig).length,
    certification,
    canAddSignature: certification !== 1,
  };
}

/** Size of page `page` (1-based) as the user sees it: CropBox, after /Rotate — the space of `placement.rect`. */
export function describePage(bytes: Uint8Array, page: number, opts: { password?: string } = {}): { width: number; height: number; rotate: number } {
  const p = findPage(new PdfReader(bytes, { password: opts.password }), page - 1);
  const [x1, y1, x2, y2] = p.cropBox;
  const turned = p.rotate % 180 !== 0;
  return { width: turned ? y2 - y1 : x2 - x1, height: turned ? x2 - x1 : y2 - y1, rotate: p.rotate };
}
