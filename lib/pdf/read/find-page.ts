import { PDFArray, PDFDict, PDFName, PDFNumber, PDFObject, PDFRef } from "pdf-lib";
import { pdfError, PDF_LIMITS } from "../pdf-error";
import type { PdfReader } from "./pdf-reader";

export type Box = [number, number, number, number];
export interface PageInfo {
  ref: PDFRef;
  dict: PDFDict;
  pageCount: number;
  /** Visible area: CropBox clipped to MediaBox, normalised so x1<x2, y1<y2. */
  cropBox: Box;
  rotate: 0 | 90 | 180 | 270;
}

/**
 * Walks only the path from the page tree root to page `index` (0-based),
 * using /Count to skip whole subtrees, and collects inherited attributes.
 */
export function findPage(reader: PdfReader, index: number): PageInfo {
  const root = reader.catalog().dict.get(PDFName.of("Pages"));
  let nodeRef = root instanceof PDFRef ? root : undefined;
  const rootNode = reader.resolve(root);
  if (!(rootNode instanceof PDFDict)) throw pdfError("PDF_DAMAGED", "the document has no page tree");
  let node: PDFDict = rootNode;
  const pageCount = count(node);
  if (!Number.isInteger(index) || index < 0 || index >= pageCount) {
    throw pdfError("PDF_PAGE_OUT_OF_RANGE", `page ${index + 1} does not exist (the document has ${pageCount})`, { page: index + 1, pageCount });
  }
  const inherited: Record<string, PDFObject | undefined> = {};
  let remaining = index;
  for (let depth = 0; depth < PDF_LIMITS.maxTreeDepth; depth++) {
    for (const k of ["MediaBox", "CropBox", "Rotate"]) inherited[k] = node.get(PDFName.of(k)) ?? inherited[k];
    const kids = reader.get(node, "Kids");
    if (!(kids instanceof PDFArray)) {
      if (remaining !== 0 || !nodeRef) throw pdfError("PDF_DAMAGED", "the page tree is inconsistent");
      return describe(reader, nodeRef, node, inherited, pageCount);
    }
    // A node whose count equals its number of kids holds only leaves: index directly.
    const allLeaves = count(node) === kids.size();
    let next: { ref: PDFRef; dict: PDFDict } | undefined;
    for (let i = allLeaves ? remaining : 0; i < kids.size(); i++) {
      const ref = kids.get(i);
      const kid = reader.resolve(ref);
      if (!(ref instanceof PDFRef) || !(kid instanceof PDFDict)) throw pdfError("PDF_DAMAGED", "a page tree entry is broken");
      const n = kid.get(PDFName.of("Kids")) ? count(kid) : 1;
      if (allLeaves || remaining < n) {
        next = { ref, dict: kid };
        if (allLeaves) remaining = 0;
        break;
      }
      remaining -= n;
    }
    if (!next) throw pdfError("PDF_DAMAGED", "the page tree has fewer pages than its /Count");
    nodeRef = next.ref;
    node = next.dict;
  }
  throw pdfError("PDF_LIMIT_EXCEEDED", "the page tree is nested too deeply");

  function count(d: PDFDict): number {
    const c = reader.get(d, "Count");
    return c instanceof PDFNumber ? c.asNumber() : 0;
  }
}

function describe(reader: PdfReader, ref: PDFRef, dict: PDFDict, inh: Record<string, PDFObject | undefined>, pageCount: number): PageInfo {
  const box = (o: PDFObject | undefined): Box | undefined => {
    const a = reader.resolve(o);
    if (!(a instanceof PDFArray) || a.size() !== 4) return undefined;
    const v = a.asArray().map((x) => reader.resolve(x)).map((x) => (x instanceof PDFNumber ? x.asNumber() : NaN));
    if (v.some((x) => !Number.isFinite(x))) return undefined;
    return [Math.min(v[0], v[2]), Math.min(v[1], v[3]), Math.max(v[0], v[2]), Math.max(v[1], v[3])];
  };
  const media = box(inh.MediaBox) ?? [0, 0, 612, 792];
  const crop = box(inh.CropBox) ?? media;
  const clipped: Box = [Math.max(crop[0], media[0]), Math.max(crop[1], media[1]), Math.min(crop[2], media[2]), Math.min(crop[3], media[3])];
  const cropBox = clipped[0] < clipped[2] && clipped[1] < clipped[3] ? clipped : media;
  const r = reader.resolve(inh.Rotate);
  const deg = ((((r instanceof PDFNumber ? r.asNumber() : 0) % 360) + 360) % 360) as number;
  const rotate = (deg % 90 === 0 ? deg : 0) as PageInfo["rotate"];
  return { ref, dict, pageCount, cropBox, rotate };
}
