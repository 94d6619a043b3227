import { PDFArray, PDFContext, PDFDict, PDFHexString, PDFName, PDFNumber, PDFObject, PDFRef } from "pdf-lib";
import { pdfError } from "../pdf-error";
import type { PageInfo } from "../read/find-page";
import type { PdfReader } from "../read/pdf-reader";
import { readAcroForm } from "../read/read-acroform";
import { encodePdfText } from "../read/decode-pdf-text";

/** An object of the update as a pdf-lib object; `plaintext` marks strings that still need encrypting. */
export interface PendingObject {
  num: number;
  gen: number;
  object: PDFObject;
  plaintext: boolean;
}

/**
 * Adds the signature field (merged field + widget) to the form and the page:
 * rewrites only the smallest enclosing objects that must change — the Fields
 * array or AcroForm, the page's Annots array or page, and the catalog when a
 * form or DocMDP entry is added. Existing fields and values stay untouched.
 */
export function addSignatureField(opts: {
  reader: PdfReader;
  page: PageInfo;
  fieldName: string;
  widgetNum: number;
  sigRef: PDFRef;
  apRef: PDFRef;
  rect: number[];
  certify: boolean;
  allocate: () => number;
}): PendingObject[] {
  const { reader, page } = opts;
  const ctx: PDFContext = reader.context;
  const out: PendingObject[] = [];
  const widgetRef = PDFRef.of(opts.widgetNum);
  const existing = (num: number, object: PDFObject): PendingObject => ({
    num, gen: reader.genOf(num), object, plaintext: reader.fromObjectStream.has(num),
  });

  const widget = (ctx.obj as (x: unknown) => PDFObject)({
    Type: "Annot", Subtype: "Widget", FT: "Sig",
    // Print|Locked; an invisible signature has a zero-size Rect (as pyHanko and Acrobat write it), not the Hidden flag.
    Rect: opts.rect, F: 4 + 128,
    P: page.ref, V: opts.sigRef, AP: { N: opts.apRef },
  }) as PDFDict;
  widget.set(PDFName.of("T"), PDFHexString.of(Buffer.from(encodePdfText(opts.fieldName)).toString("hex")));
  out.push({ num: opts.widgetNum, gen: 0, object: widget, plaintext: true });

  // Page: append the widget to /Annots (the array object itself when indirect).
  const annotsRaw = page.dict.get(PDFName.of("Annots"));
  const annots = reader.resolve(annotsRaw);
  const newAnnots = copyArray(ctx, annots instanceof PDFArray ? annots : undefined, widgetRef);
  if (annotsRaw instanceof PDFRef && annots instanceof PDFArray) out.push(existing(annotsRaw.objectNumber, newAnnots));
  else {
    const p = page.dict.clone(ctx);
    p.set(PDFName.of("Annots"), newAnnots);
    out.push(existing(page.ref.objectNumber, p));
  }

  // Form: append to /Fields, make sure SigFlags = SignaturesExist|AppendOnly.
  const form = readAcroForm(reader);
  const catalog = reader.catalog();
  let newCatalog: PDFDict | undefined;
  const sigFlags = reader.get(form.dict, "SigFlags");
  const flagsOk = sigFlags instanceof PDFNumber && (sigFlags.asNumber() & 3) === 3;
  const fieldsArr = reader.resolve(form.dict?.get(PDFName.of("Fields")));
  const newFields = copyArray(ctx, fieldsArr instanceof PDFArray ? fieldsArr : undefined, widgetRef);
  if (form.fieldsRef && fieldsArr instanceof PDFArray) out.push(existing(form.fieldsRef.objectNumber, newFields));
  const needFormRewrite = !form.dict || !flagsOk || !(form.fieldsRef && fieldsArr instanceof PDFArray);
  if (needFormRewrite) {
    const f = form.dict ? form.dict.clone(ctx) : PDFDict.withContext(ctx);
    if (!(form.fieldsRef && fieldsArr instanceof PDFArray)) f.set(PDFName.of("Fields"), newFields);
    f.set(PDFName.of("SigFlags"), PDFNumber.of(3));
    if (form.ref && form.dict) out.push(existing(form.ref.objectNumber, f));
    else if (form.dict) (newCatalog ??= catalog.dict.clone(ctx)).set(PDFName.of("AcroForm"), f);
    else {
      const num = opts.allocate();
      out.push({ num, gen: 0, object: f, plaintext: true });
      (newCatalog ??= catalog.dict.clone(ctx)).set(PDFName.of("AcroForm"), PDFRef.of(num));
    }
  }
  if (opts.certify) {
    // Keep other permission entries (e.g. usage rights /UR3) next to the new /DocMDP.
    const perms = reader.getDict(catalog.dict, "Perms")?.clone(ctx) ?? PDFDict.withContext(ctx);
    perms.set(PDFName.of("DocMDP"), opts.sigRef);
    (newCatalog ??= catalog.dict.clone(ctx)).set(PDFName.of("Perms"), perms);
  }
  // The appearance uses PDF 1.4 features (soft masks) and the signature is PAdES (ISO 32000-1 era):
  // old files get /Version 1.7 in the catalog, which overrides the header in an incremental update.
  const declared = reader.get(catalog.dict, "Version");
  const version = Math.max(Number(reader.version) || 0, declared instanceof PDFName ? Number(declared.decodeText()) || 0 : 0);
  if (version < 1.7) (newCatalog ??= catalog.dict.clone(ctx)).set(PDFName.of("Version"), PDFName.of("1.7"));
  if (newCatalog) out.push(existing(catalog.ref.objectNumber, newCatalog));
  return mergeSameObject(out);
}

function copyArray(ctx: PDFContext, src: PDFArray | undefined, add: PDFRef): PDFArray {
  const a = PDFArray.withContext(ctx);
  for (const v of src?.asArray() ?? []) a.push(v);
  a.push(add);
  return a;
}

/** The page may also be the catalog's neighbour in odd files; never write one object twice. */
function mergeSameObject(list: PendingObject[]): PendingObject[] {
  const seen = new Map<number, PendingObject>();
  for (const o of list) {
    if (seen.has(o.num)) throw pdfError("PDF_DAMAGED", `object ${o.num} plays two roles in the document structure`);
    seen.set(o.num, o);
  }
  return list;
}
