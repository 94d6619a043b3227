import { indexOfAscii, isWhite } from "../read/byte-scan";
import type { PdfReader } from "../read/pdf-reader";

export interface Revision {
  /** Byte offset just after this revision's %%EOF (and its end-of-line). */
  end: number;
  /** Object numbers (re)defined in this revision. */
  objects: number[];
}

/**
 * Revisions in file order, one per cross-reference section: each ends at the
 * %%EOF that follows the section's startxref. (Counting %%EOF markers alone
 * is wrong for files that embed other PDFs.)
 */
export function listRevisions(reader: PdfReader): Revision[] {
  const { bytes } = reader;
  const out: Revision[] = [];
  for (const s of reader.xref.sections) {
    const sx = indexOfAscii(bytes, "startxref", s.offset);
    const eof = sx < 0 ? -1 : indexOfAscii(bytes, "%%EOF", sx);
    let end = eof < 0 ? bytes.length : eof + 5;
    while (end < bytes.length && end < eof + 7 && isWhite(bytes[end]) && bytes[end] !== 0x20) end++;
    out.push({ end, objects: s.objects });
  }
  out.sort((a, b) => a.end - b.end);
  // Linearized files: the first-page section and the main one end at the same %%EOF.
  const merged: Revision[] = [];
  for (const r of out) {
    const last = merged[merged.length - 1];
    if (last && last.end === r.end) last.objects = [...last.objects, ...r.objects];
    else merged.push({ ...r });
  }
  return merged;
}

/** Index (0-based) of the revision a signature ending at `coveredEnd` signs; -1 when it ends mid-revision. */
export function revisionIndexOf(revisions: Revision[], coveredEnd: number): number {
  // Some writers sign up to "%%EOF" without its end-of-line: accept up to 2 bytes short.
  return revisions.findIndex((r) => coveredEnd <= r.end && coveredEnd >= r.end - 2);
}
