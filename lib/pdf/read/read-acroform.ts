import { PDFArray, PDFDict, PDFName, PDFNumber, PDFObject, PDFRef } from "pdf-lib";
import { pdfError, PDF_LIMITS } from "../pdf-error";
import type { PdfReader } from "./pdf-reader";

export interface SignatureFieldInfo {
  name: string;
  fieldRef: PDFRef;
  field: PDFDict;
  /** The signature dictionary (/V); undefined for an empty signature field. */
  sigRef?: PDFRef;
  sig?: PDFDict;
  /** Object that owns the sig dict's strings (for decryption). */
  sigOwner: number;
}

export interface AcroFormInfo {
  /** Set when /AcroForm is an indirect object (so it can be rewritten on its own). */
  ref?: PDFRef;
  dict?: PDFDict;
  /** Set when /Fields is an indirect array (then only that array is rewritten). */
  fieldsRef?: PDFRef;
  fields: PDFRef[];
  names: Set<string>;
  signatures: SignatureFieldInfo[];
}

/** Reads the form's field tree (bounded in depth and size) for unique names and existing signatures. */
export function readAcroForm(reader: PdfReader): AcroFormInfo {
  const catalog = reader.catalog().dict;
  const raw = catalog.get(PDFName.of("AcroForm"));
  const dict = reader.resolve(raw);
  const info: AcroFormInfo = { ref: raw instanceof PDFRef ? raw : undefined, fields: [], names: new Set(), signatures: [] };
  if (!(dict instanceof PDFDict)) return info;
  info.dict = dict;
  const fieldsRaw = dict.get(PDFName.of("Fields"));
  if (fieldsRaw instanceof PDFRef) info.fieldsRef = fieldsRaw;
  const fields = reader.resolve(fieldsRaw);
  if (!(fields instanceof PDFArray)) return info;
  info.fields = fields.asArray().filter((x): x is PDFRef => x instanceof PDFRef);
  const visited = new Set<number>();
  const walk = (kids: PDFObject[], prefix: string, inheritedFT: PDFObject | undefined, depth: number) => {
    if (depth > PDF_LIMITS.maxTreeDepth) throw pdfError("PDF_LIMIT_EXCEEDED", "the form field tree is nested too deeply");
    for (const k of kids) {
      if (!(k instanceof PDFRef) || visited.has(k.objectNumber)) continue;
      visited.add(k.objectNumber);
      if (visited.size > PDF_LIMITS.maxFields) throw pdfError("PDF_LIMIT_EXCEEDED", "too many form fields");
      const f = reader.resolve(k);
      if (!(f instanceof PDFDict)) continue;
      const t = reader.text(f.get(PDFName.of("T")), k.objectNumber);
      const name = t === undefined ? prefix : prefix ? `${prefix}.${t}` : t;
      const ft = f.get(PDFName.of("FT")) ?? inheritedFT;
      if (t !== undefined) info.names.add(name);
      const sub = reader.get(f, "Kids");
      if (sub instanceof PDFArray) walk(sub.asArray(), name, ft, depth + 1);
      if (ft === PDFName.of("Sig") && t !== undefined) {
        const vRaw = f.get(PDFName.of("V"));
        const v = reader.resolve(vRaw);
        info.signatures.push({
          name, fieldRef: k, field: f,
          sigRef: vRaw instanceof PDFRef ? vRaw : undefined,
          sig: v instanceof PDFDict ? v : undefined,
          sigOwner: vRaw instanceof PDFRef ? vRaw.objectNumber : k.objectNumber,
        });
      }
    }
  };
  walk(fields.asArray(), "", undefined, 0);
  return info;
}

/** DocMDP permission (1–3) of a certified document, from /Perms /DocMDP; undefined when not certified. */
export function readDocMdpPermission(reader: PdfReader): number | undefined {
  const perms = reader.getDict(reader.catalog().dict, "Perms");
  const sig = reader.getDict(perms, "DocMDP");
  const refs = reader.get(sig, "Reference");
  if (!sig || !(refs instanceof PDFArray)) return sig ? 2 : undefined;
  for (const r of refs.asArray()) {
    const sr = reader.resolve(r);
    if (!(sr instanceof PDFDict) || reader.get(sr, "TransformMethod") !== PDFName.of("DocMDP")) continue;
    const p = reader.get(reader.getDict(sr, "TransformParams"), "P");
    return p instanceof PDFNumber ? p.asNumber() : 2;
  }
  return 2;
}
