import { PDFArray, PDFContext, PDFDict, PDFHexString, PDFName, PDFNumber, PDFObject, PDFRawStream, PDFRef, PDFString } from "pdf-lib";
import { deriveFileKey, type FileKey, stringBytes } from "../crypt/derive-file-key";
import { decryptBytes } from "../crypt/object-cipher";
import { pdfError, PDF_LIMITS } from "../pdf-error";
import { indexOfAscii, matchObjectHeader, readUint, skipWhite } from "./byte-scan";
import { decodePdfText } from "./decode-pdf-text";
import { decodeStream } from "./decode-stream";
import { parseIndirectObjectAt, parseObjectAt } from "./parse-object-at";
import { readXref, type XrefInfo } from "./read-xref";

/**
 * Lazy, read-only view of a PDF: the trailer and xref are read up front, any
 * other object only when asked for. Signing a 1,000-page file therefore reads
 * a handful of objects, not the whole document.
 */
export class PdfReader {
  readonly context = PDFContext.create();
  readonly xref: XrefInfo;
  readonly trailer: PDFDict;
  readonly fileKey?: FileKey;
  readonly version: string;
  /** Objects that came from object streams: their strings are not individually encrypted. */
  readonly fromObjectStream = new Set<number>();
  private readonly cache = new Map<number, PDFObject | null>();
  private readonly objStreams = new Map<number, { data: Uint8Array; offsets: Map<number, number> }>();
  private reads = 0;

  constructor(readonly bytes: Uint8Array, opts: { password?: string; checkXref?: boolean } = {}) {
    if (bytes.length === 0) throw pdfError("PDF_INVALID", "the file is empty");
    if (bytes.length > PDF_LIMITS.maxInputBytes) throw pdfError("PDF_LIMIT_EXCEEDED", "the file is too large");
    const header = indexOfAscii(bytes, "%PDF-", 0, 1024);
    if (header < 0) throw pdfError("PDF_INVALID", "the file is not a PDF (no %PDF- header)");
    if (header > 0) throw pdfError("PDF_DAMAGED", "the PDF has junk before its %PDF- header");
    this.version = String.fromCharCode(...bytes.subarray(5, 8));
    this.xref = readXref(bytes, this.context, 0);
    this.trailer = this.xref.trailer;
    if (opts.checkXref !== false) this.checkOffsets();
    if (!(this.trailer.get(PDFName.of("Root")) instanceof PDFRef)) throw pdfError("PDF_DAMAGED", "the trailer has no /Root");
    const encrypt = this.trailer.get(PDFName.of("Encrypt"));
    if (encrypt) {
      const dict = this.resolve(encrypt);
      if (!(dict instanceof PDFDict)) throw pdfError("PDF_DAMAGED", "the /Encrypt dictionary is missing");
      this.fileKey = deriveFileKey(dict, this.id0(), opts.password);
    }
  }

  /** Every in-use xref entry must point at its own object header: catches wrong offsets cheaply. */
  private checkOffsets() {
    for (const [num, e] of this.xref.entries) {
      if (e.type === 1 && !matchObjectHeader(this.bytes, e.offset, num)) {
        throw pdfError("PDF_DAMAGED", `the cross-reference entry for object ${num} points to the wrong place`, { object: num });
      }
    }
  }

  id0(): Uint8Array {
    const id = this.trailer.get(PDFName.of("ID"));
    return id instanceof PDFArray ? stringBytes(id.get(0)) : new Uint8Array(0);
  }

  get size(): number {
    const s = this.trailer.get(PDFName.of("Size"));
    let max = 0;
    for (const k of this.xref.entries.keys()) if (k > max) max = k;
    return Math.max(s instanceof PDFNumber ? s.asNumber() : 0, max + 1);
  }

  genOf(num: number): number {
    const e = this.xref.entries.get(num);
    return e?.type === 1 ? e.gen : 0;
  }

  getObject(num: number): PDFObject | undefined {
    if (this.cache.has(num)) return this.cache.get(num) ?? undefined;
    if (++this.reads > PDF_LIMITS.maxObjectsRead) throw pdfError("PDF_LIMIT_EXCEEDED", "too many objects to read");
    const e = this.xref.entries.get(num);
    let obj: PDFObject | undefined;
    if (e?.type === 1) {
      obj = parseIndirectObjectAt(this.bytes, e.offset, this.context, num)?.object;
      if (!obj) throw pdfError("PDF_DAMAGED", `object ${num} is not where the cross-reference says`);
    } else if (e?.type === 2) {
      obj = this.readFromObjectStream(e.stream, e.index, num);
      this.fromObjectStream.add(num);
    }
    this.cache.set(num, obj ?? null);
    return obj;
  }

  private readFromObjectStream(streamNum: number, index: number, num: number): PDFObject | undefined {
    let os = this.objStreams.get(streamNum);
    if (!os) {
      const s = this.getObject(streamNum);
      if (!(s instanceof PDFRawStream)) throw pdfError("PDF_DAMAGED", `object stream ${streamNum} is missing`);
      const raw = this.fileKey ? decryptBytes(this.fileKey, "stm", streamNum, this.genOf(streamNum), s.contents) : s.contents;
      const data = decodeStream(s.dict, raw);
      const n = (s.dict.get(PDFName.of("N")) as PDFNumber | undefined)?.asNumber() ?? 0;
      const first = (s.dict.get(PDFName.of("First")) as PDFNumber | undefined)?.asNumber() ?? 0;
      const offsets = new Map<number, number>();
      let p = 0;
      for (let i = 0; i < n; i++) {
        const a = readUint(data, skipWhite(data, p));
        const b = a && readUint(data, skipWhite(data, a[1]));
        if (!a || !b) throw pdfError("PDF_DAMAGED", `object stream ${streamNum} has a broken header`);
        offsets.set(a[0], first + b[0]);
        p = b[1];
      }
      os = { data, offsets };
      this.objStreams.set(streamNum, os);
    }
    void index; // the header lists object numbers; looking up by number survives a wrong index
    const at = os.offsets.get(num);
    return at === undefined ? undefined : parseObjectAt(os.data, at, this.context);
  }

  /** Follows indirect references (bounded, so reference cycles cannot hang). */
  resolve(o: PDFObject | undefined): PDFObject | undefined {
    for (let i = 0; o instanceof PDFRef && i < 32; i++) o = this.getObject(o.objectNumber);
    return o instanceof PDFRef ? undefined : o;
  }

  get(dict: PDFDict | undefined, key: string): PDFObject | undefined {
    return dict ? this.resolve(dict.get(PDFName.of(key))) : undefined;
  }

  getDict(dict: PDFDict | undefined, key: string): PDFDict | undefined {
    const v = this.get(dict, key);
    return v instanceof PDFDict ? v : undefined;
  }

  /** Text of a string that belongs to indirect object `owner`, decrypted when the file is encrypted. */
  text(o: PDFObject | undefined, owner: number): string | undefined {
    if (!(o instanceof PDFString || o instanceof PDFHexString)) return undefined;
    let bytes = o.asBytes();
    if (this.fileKey && !this.fromObjectStream.has(owner)) bytes = decryptBytes(this.fileKey, "str", owner, this.genOf(owner), bytes);
    return decodePdfText(bytes);
  }

  catalog(): { ref: PDFRef; dict: PDFDict } {
    const ref = this.trailer.get(PDFName.of("Root")) as PDFRef;
    const dict = this.getObject(ref.objectNumber);
    if (!(dict instanceof PDFDict)) throw pdfError("PDF_DAMAGED", "the document catalog is missing");
    return { ref, dict };
  }
}
