import { PDFArray, PDFDict, PDFName, PDFObject, PDFRawStream } from "pdf-lib";
import { PdfReader } from "../read/pdf-reader";
import type { Revision } from "./list-revisions";

export type ChangesAfter = "none" | "signatures-only" | "other";

// Keys a later signature may change on an existing object (compare the
// "incremental update" rules of ISO 32000-2 §12.8.2.2 / pyHanko's diff policy).
const ALLOWED_KEYS: Record<string, string[]> = {
  Catalog: ["AcroForm", "DSS", "Extensions", "Version"],
  Page: ["Annots"],
  AcroForm: ["Fields", "SigFlags", "DR", "DA", "NeedAppearances"],
  SigField: ["V", "AP", "F", "Ff", "Lock", "SV"],
};

/**
 * What changed after revision `index`: nothing, only things a later signature
 * adds (new objects, the field appended to Fields/Annots, SigFlags, an
 * existing empty signature field filled in), or anything else.
 */
export function classifyChanges(reader: PdfReader, revisions: Revision[], index: number, password?: string): { changes: ChangesAfter; objects: number[] } {
  if (index < 0 || index >= revisions.length - 1) return { changes: "none", objects: [] };
  const old = new PdfReader(reader.bytes.subarray(0, revisions[index].end), { checkXref: false, password });
  const later = new Set<number>();
  for (const r of revisions.slice(index + 1)) for (const n of r.objects) later.add(n);
  const other: number[] = [];
  const info = reader.trailer.get(PDFName.of("Info"));
  for (const num of later) {
    if (String(info) === `${num} 0 R`) continue; // document info (ModDate, Producer): metadata, not content
    const before = safe(() => old.getObject(num));
    const after = safe(() => reader.getObject(num));
    if (!before || !after || same(before, after)) continue; // new object, or rewritten unchanged
    if (isStructural(after)) continue;
    if (!allowedChange(before, after, old, reader)) other.push(num);
  }
  return { changes: other.length ? "other" : "signatures-only", objects: other };
}

function safe<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}

const same = (a: PDFObject, b: PDFObject) => a.toString() === b.toString();

/** Cross-reference and object streams are containers; XMP metadata is refreshed by many signers. */
function isStructural(o: PDFObject): boolean {
  const t = o instanceof PDFRawStream ? o.dict.get(PDFName.of("Type")) : undefined;
  return t === PDFName.of("XRef") || t === PDFName.of("ObjStm") || t === PDFName.of("Metadata");
}

function kindOf(d: PDFDict, reader: PdfReader): keyof typeof ALLOWED_KEYS | undefined {
  const t = d.get(PDFName.of("Type"));
  if (t === PDFName.of("Catalog")) return "Catalog";
  if (t === PDFName.of("Page")) return "Page";
  if (d.get(PDFName.of("Fields"))) return "AcroForm";
  if (reader.get(d, "FT") === PDFName.of("Sig") && !d.get(PDFName.of("V"))) return "SigField";
  return undefined;
}

function allowedChange(before: PDFObject, after: PDFObject, oldReader: PdfReader, newReader: PdfReader): boolean {
  // Arrays (Fields, Annots) may only grow at the end, and only by signature fields/widgets:
  // a new FreeText or stamp annotation over the page is a content change, not a signature.
  if (before instanceof PDFArray && after instanceof PDFArray) {
    const a = before.asArray().map(String);
    const b = after.asArray().map(String);
    return b.length >= a.length && a.every((x, i) => x === b[i]) && after.asArray().slice(a.length).every((x) => isSignatureField(newReader, x));
  }
  if (!(before instanceof PDFDict) || !(after instanceof PDFDict) || before instanceof PDFRawStream) return false;
  const kind = kindOf(before, oldReader);
  if (!kind) return false;
  const allowed = new Set(ALLOWED_KEYS[kind]);
  const keys = new Set([...before.keys(), ...after.keys()].map((k) => k.decodeText()));
  for (const k of keys) {
    if (allowed.has(k)) continue;
    const x = before.get(PDFName.of(k));
    const y = after.get(PDFName.of(k));
    if (String(x) !== String(y)) return false;
  }
  if (kind === "Page" || kind === "AcroForm") {
    const key = kind === "Page" ? "Annots" : "Fields";
    const x = before.get(PDFName.of(key));
    const y = after.get(PDFName.of(key));
    if (x instanceof PDFArray && y instanceof PDFArray) return allowedChange(x, y, oldReader, newReader);
    if (!x && y instanceof PDFArray) return y.asArray().every((v) => isSignatureField(newReader, v));
  }
  return true;
}

function isSignatureField(reader: PdfReader, o: PDFObject): boolean {
  let d = reader.resolve(o);
  for (let i = 0; i < 8 && d instanceof PDFDict; i++) {
    if (d.get(PDFName.of("FT")) === PDFName.of("Sig")) return true;
    d = reader.resolve(d.get(PDFName.of("Parent")));
  }
  return false;
}
