import { PDFContext, PDFObject, PDFObjectParser } from "pdf-lib";
import { pdfError } from "../pdf-error";
import { matchObjectHeader, skipWhite } from "./byte-scan";

// pdf-lib's object parser is used for single objects only: it is handed a
// zero-copy view that starts at the object, so reading one object never
// touches the rest of the file.

export function parseObjectAt(bytes: Uint8Array, pos: number, context: PDFContext): PDFObject {
  try {
    const parser = PDFObjectParser.forBytes(bytes.subarray(pos), context);
    return parser.parseObject();
  } catch (e) {
    // RangeError = stack overflow from absurd nesting; pdf-lib errors = syntax.
    const why = e instanceof RangeError ? "objects nested too deeply" : "object syntax error";
    throw pdfError("PDF_DAMAGED", `cannot read the PDF object at byte ${pos}: ${why}`, { offset: pos }, e);
  }
}

/** Parses "N G obj <object>" at pos; null when there is no object header there. */
export function parseIndirectObjectAt(
  bytes: Uint8Array,
  pos: number,
  context: PDFContext,
  objNum?: number,
): { num: number; gen: number; object: PDFObject } | null {
  const head = matchObjectHeader(bytes, pos, objNum);
  if (!head) return null;
  const object = parseObjectAt(bytes, skipWhite(bytes, head.end), context);
  return { num: head.num, gen: head.gen, object };
}
