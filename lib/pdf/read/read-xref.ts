import { PDFArray, PDFContext, PDFDict, PDFName, PDFNumber, PDFRawStream } from "pdf-lib";
import { pdfError, PDF_LIMITS } from "../pdf-error";
import { isWhite, lastIndexOfAscii, matchAscii, readUint, skipWhite } from "./byte-scan";
import { decodeStream } from "./decode-stream";
import { parseIndirectObjectAt, parseObjectAt } from "./parse-object-at";

export type XrefEntry = { type: 1; offset: number; gen: number } | { type: 2; stream: number; index: number };

export interface XrefInfo {
  /** Newest location of every object in use; free entries are dropped. */
  entries: Map<number, XrefEntry>;
  /** Trailer of the newest section (for xref streams: the stream dictionary). */
  trailer: PDFDict;
  /** Kind of the newest section: the update we append must be of the same kind. */
  lastKind: "table" | "stream";
  startxref: number;
  /** Offsets of every section, newest first (revision boundaries for the verifier). */
  sections: { offset: number; kind: "table" | "stream"; objects: number[] }[];
  /** Offset shift applied when the header is preceded by junk (offsets relative to %PDF). */
  headerOffset: number;
}

export function readStartxref(bytes: Uint8Array): number {
  const at = lastIndexOfAscii(bytes, "startxref", bytes.length - 9, 4096);
  if (at < 0) throw pdfError("PDF_DAMAGED", "the file has no startxref: it is truncated or damaged");
  const n = readUint(bytes, skipWhite(bytes, at + 9));
  if (!n) throw pdfError("PDF_DAMAGED", "startxref is not followed by an offset");
  return n[0];
}

export function readXref(bytes: Uint8Array, context: PDFContext, headerOffset: number): XrefInfo {
  const startxref = readStartxref(bytes);
  const entries = new Map<number, XrefEntry>();
  const sections: XrefInfo["sections"] = [];
  const seen = new Set<number>();
  let trailer: PDFDict | undefined;
  let next: number | undefined = startxref;
  while (next !== undefined) {
    if (seen.has(next) || sections.length >= PDF_LIMITS.maxXrefSections) {
      throw pdfError("PDF_DAMAGED", "the cross-reference chain loops");
    }
    seen.add(next);
    const pos = next + headerOffset;
    if (pos < 0 || pos >= bytes.length) throw pdfError("PDF_DAMAGED", `cross-reference offset ${next} is outside the file`);
    let sectionTrailer: PDFDict;
    const objects: number[] = [];
    if (matchAscii(bytes, skipWhite(bytes, pos), "xref")) {
      sectionTrailer = readTable(bytes, skipWhite(bytes, pos) + 4, entries, context, objects);
      sections.push({ offset: next, kind: "table", objects });
      const xrefStm = sectionTrailer.get(PDFName.of("XRefStm"));
      // Hybrid file: the table's companion stream lists the objects in object streams.
      if (xrefStm instanceof PDFNumber) readStream(bytes, xrefStm.asNumber() + headerOffset, entries, context, objects);
    } else {
      sectionTrailer = readStream(bytes, pos, entries, context, objects);
      sections.push({ offset: next, kind: "stream", objects });
    }
    trailer ??= sectionTrailer;
    const prev = sectionTrailer.get(PDFName.of("Prev"));
    next = prev instanceof PDFNumber ? prev.asNumber() : undefined;
  }
  return { entries, trailer: trailer!, lastKind: sections[0].kind, startxref, sections, headerOffset };
}

function readTable(bytes: Uint8Array, pos: number, entries: Map<number, XrefEntry>, context: PDFContext, objects: number[]): PDFDict {
  for (;;) {
    pos = skipWhite(bytes, pos);
    if (matchAscii(bytes, pos, "trailer")) break;
    const first = readUint(bytes, pos);
    const count = first && readUint(bytes, skipWhite(bytes, first[1]));
    if (!first || !count) throw pdfError("PDF_DAMAGED", `broken cross-reference table at byte ${pos}`);
    if (first[0] + count[0] > PDF_LIMITS.maxObjectNumber) throw pdfError("PDF_LIMIT_EXCEEDED", "too many objects");
    pos = count[1];
    for (let i = 0; i < count[0]; i++) {
      const off = readUint(bytes, skipWhite(bytes, pos));
      const gen = off && readUint(bytes, skipWhite(bytes, off[1]));
      const kindPos = gen ? skipWhite(bytes, gen[1]) : -1;
      const kind = bytes[kindPos];
      if (!off || !gen || (kind !== 0x6e && kind !== 0x66) || (kindPos + 1 < bytes.length && !isWhite(bytes[kindPos + 1]))) {
        throw pdfError("PDF_DAMAGED", `broken cross-reference entry at byte ${pos}`);
      }
      pos = kindPos + 1;
      const num = first[0] + i;
      // An in-use entry at offset 0 is treated as a missing (null) object, as qpdf and pdf.js do.
      if (kind !== 0x6e || off[0] === 0) continue;
      objects.push(num);
      if (!entries.has(num)) entries.set(num, { type: 1, offset: off[0], gen: gen[0] });
    }
  }
  const dict = parseObjectAt(bytes, skipWhite(bytes, pos + 7), context);
  if (!(dict instanceof PDFDict)) throw pdfError("PDF_DAMAGED", "the trailer is not a dictionary");
  return dict;
}

function readStream(bytes: Uint8Array, pos: number, entries: Map<number, XrefEntry>, context: PDFContext, objects: number[]): PDFDict {
  const obj = parseIndirectObjectAt(bytes, pos, context);
  const stream = obj?.object;
  if (!(stream instanceof PDFRawStream) || stream.dict.get(PDFName.of("Type")) !== PDFName.of("XRef")) {
    throw pdfError("PDF_DAMAGED", `startxref or /Prev points at byte ${pos}, where there is no cross-reference`);
  }
  const dict = stream.dict;
  const w = dict.get(PDFName.of("W"));
  const size = dict.get(PDFName.of("Size"));
  if (!(w instanceof PDFArray) || w.size() !== 3 || !(size instanceof PDFNumber)) {
    throw pdfError("PDF_DAMAGED", "cross-reference stream without /W or /Size");
  }
  const widths = w.asArray().map((x) => (x instanceof PDFNumber ? x.asNumber() : -1));
  if (widths.some((x) => x < 0 || x > 8)) throw pdfError("PDF_DAMAGED", "bad /W in a cross-reference stream");
  const index = dict.get(PDFName.of("Index"));
  const ranges = index instanceof PDFArray ? index.asArray().map((x) => (x as PDFNumber).asNumber()) : [0, size.asNumber()];
  const data = decodeStream(dict, stream.contents);
  const rowLen = widths[0] + widths[1] + widths[2];
  let p = 0;
  for (let r = 0; r + 1 < ranges.length; r += 2) {
    const [first, count] = [ranges[r], ranges[r + 1]];
    if (first + count > PDF_LIMITS.maxObjectNumber) throw pdfError("PDF_LIMIT_EXCEEDED", "too many objects");
    for (let i = 0; i < count; i++, p += rowLen) {
      if (p + rowLen > data.length) throw pdfError("PDF_DAMAGED", "cross-reference stream is shorter than its /Index says");
      const type = widths[0] === 0 ? 1 : field(data, p, widths[0]);
      const f2 = field(data, p + widths[0], widths[1]);
      const f3 = field(data, p + widths[0] + widths[1], widths[2]);
      const num = first + i;
      if ((type === 1 && f2 > 0) || type === 2) objects.push(num);
      if (entries.has(num)) continue;
      if (type === 1 && f2 > 0) entries.set(num, { type: 1, offset: f2, gen: f3 });
      else if (type === 2) entries.set(num, { type: 2, stream: f2, index: f3 });
    }
  }
  return dict;
}

function field(data: Uint8Array, pos: number, width: number): number {
  let v = 0;
  for (let i = 0; i < width; i++) v = v * 256 + data[pos + i];
  return v;
}
