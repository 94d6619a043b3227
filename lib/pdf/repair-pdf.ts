import { PDFDocument } from "pdf-lib";
import { isAppError } from "@/lib/errors";
import { indexOfAscii, lastIndexOfAscii } from "./read/byte-scan";
import { PdfReader } from "./read/pdf-reader";
import { pdfError } from "./pdf-error";

/**
 * Offer for damaged, *unsigned* files: rebuild the file from its objects
 * (pdf-lib's parser scans the body and does not trust the broken xref) and
 * write a clean one, before any signature is applied. This is the one place
 * where the whole file is re-serialised — never for a signed file, never in
 * the signing path. Returns the input unchanged when it is not damaged.
 */
export async function repairPdf(bytes: Uint8Array): Promise<{ pdf: Uint8Array; repaired: boolean }> {
  try {
    new PdfReader(bytes);
    return { pdf: bytes, repaired: false };
  } catch (e) {
    if (!isAppError(e) || e.code !== "PDF_DAMAGED") throw e;
  }
  if (indexOfAscii(bytes, "/ByteRange") >= 0 || indexOfAscii(bytes, "/Encrypt") >= 0) {
    throw pdfError("PDF_DAMAGED", "the PDF is damaged and signed or encrypted: repairing it would break what it carries");
  }
  let out: Uint8Array | undefined;
  let cause: unknown;
  // Second try: only the objects, from the header to the last "endobj" (a broken trailer is dropped;
  // pdf-lib then finds the catalog by itself).
  const header = Math.max(0, indexOfAscii(bytes, "%PDF-", 0, 1024));
  const lastObj = lastIndexOfAscii(bytes, "endobj");
  for (const candidate of [bytes, bytes.subarray(header, lastObj < 0 ? bytes.length : lastObj + 6)]) {
    try {
      const doc = await PDFDocument.load(candidate, { throwOnInvalidObject: false, updateMetadata: false });
      if (doc.getPageCount() === 0) throw new Error("no pages recovered");
      out = await doc.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false });
      break;
    } catch (e) {
      cause = e;
    }
  }
  if (!out) throw pdfError("PDF_DAMAGED", "the PDF is too damaged to repair", {}, cause);
  new PdfReader(out); // the rebuilt file must read cleanly, or it is not returned
  return { pdf: out, repaired: true };
}
