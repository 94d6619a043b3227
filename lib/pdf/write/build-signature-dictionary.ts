import type { FileKey } from "../crypt/derive-file-key";
import { encryptBytes } from "../crypt/object-cipher";
import { encodePdfText } from "../read/decode-pdf-text";
import type { UpdateObject } from "./serialize-object";

const enc = new TextEncoder();
/** Room for "[0 a b c]" with three offsets of up to 12 digits each. */
const BYTE_RANGE_WIDTH = 44;

export interface SignaturePlaceholder extends UpdateObject {
  /** Offsets inside `bytes`: the "<" of /Contents, just after its ">", and the "[" of /ByteRange. */
  contentsStart: number;
  contentsEnd: number;
  byteRangeStart: number;
}

/**
 * The signature dictionary is written by hand, not by a generic serializer,
 * so the positions of /Contents and /ByteRange are known exactly. /Contents
 * is never encrypted (ISO 32000-2 §7.6.2); other strings are when the file is.
 */
export function buildSignatureDictionary(opts: {
  num: number;
  contentsLength: number; // bytes reserved for the DER signature (hex doubles it)
  signingTime: Date;
  reason?: string;
  location?: string;
  contactInfo?: string;
  docMdpPermission?: number;
  fileKey?: FileKey;
}): SignaturePlaceholder {
  const str = (s: string) => {
    if (!opts.fileKey && /^[\x20-\x7e]*$/.test(s) && !/[()\\]/.test(s)) return `(${s})`;
    let b = encodePdfText(s);
    if (opts.fileKey) b = encryptBytes(opts.fileKey, "str", opts.num, 0, b);
    return `<${Buffer.from(b).toString("hex")}>`;
  };
  let head = `${opts.num} 0 obj\n<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /M ${str(pdfDate(opts.signingTime))}`;
  if (opts.reason) head += ` /Reason ${str(opts.reason)}`;
  if (opts.location) head += ` /Location ${str(opts.location)}`;
  if (opts.contactInfo) head += ` /ContactInfo ${str(opts.contactInfo)}`;
  if (opts.docMdpPermission) {
    head += ` /Reference [<< /Type /SigRef /TransformMethod /DocMDP /TransformParams << /Type /TransformParams /P ${opts.docMdpPermission} /V /1.2 >> >>]`;
  }
  head += " /ByteRange ";
  const byteRangeStart = head.length;
  head += "[0 0 0 0]".padEnd(BYTE_RANGE_WIDTH, " ") + " /Contents ";
  const contentsStart = head.length;
  const body = head + "<" + "0".repeat(opts.contentsLength * 2) + ">";
  const contentsEnd = body.length;
  const bytes = enc.encode(body + " >>\nendobj\n");
  return { num: opts.num, gen: 0, bytes, contentsStart, contentsEnd, byteRangeStart };
}

export function formatByteRange(br: number[]): Uint8Array {
  const s = `[${br.join(" ")}]`;
  if (s.length > BYTE_RANGE_WIDTH) throw new Error("ByteRange does not fit its placeholder");
  return enc.encode(s.padEnd(BYTE_RANGE_WIDTH, " "));
}

/** PDF date "D:YYYYMMDDHHmmSS+00'00'" in UTC: unambiguous, and what validators show. */
export function pdfDate(d: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, "0");
  return `D:${p(d.getUTCFullYear(), 4)}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}+00'00'`;
}
