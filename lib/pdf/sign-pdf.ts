import { createHash } from "node:crypto";
import { PDFContext, PDFName, PDFRef } from "pdf-lib";
import { drawEmptyAppearance, drawSignatureAppearance } from "./appearance/draw-signature-appearance";
import { formatSignatureText } from "./appearance/format-signature-text";
import { mapVisibleRect } from "./appearance/map-visible-rect";
import { buildCmsSignature } from "./cms/build-cms-signature";
import { pdfError } from "./pdf-error";
import { findPage } from "./read/find-page";
import { PdfReader } from "./read/pdf-reader";
import { readAcroForm, readDocMdpPermission } from "./read/read-acroform";
import type { SignPdfOptions, SignPdfResult } from "./types";
import { addSignatureField } from "./write/add-signature-field";
import { appendIncrementalUpdate, randomId } from "./write/append-incremental-update";
import { buildSignatureDictionary, formatByteRange } from "./write/build-signature-dictionary";
import { encryptObject, serializeIndirect, type UpdateObject } from "./write/serialize-object";

/**
 * Signs a PDF with a PAdES baseline signature (B-B, or B-T with a TSA) by
 * incremental update: the input stays the exact prefix of the output.
 */
export async function signPdf(input: Uint8Array, options: SignPdfOptions): Promise<SignPdfResult> {
  const reader = new PdfReader(input, { password: options.password });
  const form = readAcroForm(reader);
  const signed = form.signatures.filter((s) => s.sig);
  const mdp = readDocMdpPermission(reader);
  if (mdp === 1) throw pdfError("PDF_CERTIFIED_NO_CHANGES", "the document is certified with “no changes allowed” (DocMDP P=1): another signature would invalidate the certification");
  const certifyP = options.certify === true ? 2 : options.certify ? options.certify.permission : undefined;
  if (certifyP && (signed.length > 0 || mdp)) throw pdfError("PDF_CERTIFY_NOT_FIRST", "only the first signature of a document can certify it");
  const fieldName = chooseFieldName(form.names, options.fieldName);
  if (options.appearance && (options.appearance.name.length > 200 || /[\u0000-\u001f]/.test(options.appearance.name))) {
    throw pdfError("INVALID_INPUT", "the signer name for the appearance must be at most 200 printable characters");
  }
  const signingTime = options.signingTime ?? new Date();
  const chainBytes = options.signer.certificateChain.reduce((s, c) => s + c.length, 0);
  let reserve = chainBytes + 2048 + (options.timestamp ? (options.timestampReserve ?? 12 * 1024) : 0);

  for (let attempt = 0; attempt < 2; attempt++) {
    const { update, sigObj, sigOffset } = await buildUpdate(reader, options, fieldName, signingTime, certifyP, reserve);
    // Offsets below are relative to the update; the output is input ‖ update.
    const base = input.length;
    const contentsStart = sigOffset - base + sigObj.contentsStart;
    const contentsEnd = sigOffset - base + sigObj.contentsEnd;
    const total = base + update.length;
    const byteRange: [number, number, number, number] = [0, base + contentsStart, base + contentsEnd, total - base - contentsEnd];
    update.set(formatByteRange(byteRange), sigOffset - base + sigObj.byteRangeStart);
    // One pass over the signed ranges, without copying anything.
    const digest = createHash("sha256").update(input).update(update.subarray(0, contentsStart)).update(update.subarray(contentsEnd)).digest();
    const cms = await buildCmsSignature({ documentDigest: new Uint8Array(digest), signer: options.signer, timestamp: options.timestamp });
    if (cms.length > reserve) {
      reserve = cms.length + 1024; // e.g. a TSA token larger than foreseen: build again with room
      continue;
    }
    update.write(Buffer.from(cms).toString("hex").toUpperCase(), contentsStart + 1, "latin1");
    return signResult(input, new Uint8Array(update.buffer, update.byteOffset, update.length), fieldName, byteRange);
  }
  throw pdfError("PDF_SIGNATURE_TOO_LARGE", "the signature does not fit the space reserved for it");
}

function chooseFieldName(names: Set<string>, wanted?: string): string {
  if (wanted !== undefined) {
    if (!wanted || wanted.includes(".") || wanted.length > 120) throw pdfError("INVALID_INPUT", "a field name must be 1–120 characters without '.'");
    if (names.has(wanted)) throw pdfError("PDF_FIELD_NAME_TAKEN", `the document already has a field named “${wanted}”`, { fieldName: wanted });
    return wanted;
  }
  for (let i = 1; ; i++) if (!names.has(`Signature${i}`)) return `Signature${i}`;
}

async function buildUpdate(reader: PdfReader, options: SignPdfOptions, fieldName: string, signingTime: Date, certifyP: number | undefined, reserve: number) {
  let next = reader.size;
  const allocate = () => next++;
  const sigNum = allocate();
  const widgetNum = allocate();
  const page = findPage(reader, (options.placement?.page ?? 1) - 1);

  const apRef = PDFRef.of(allocate());
  const mapped = options.placement ? mapVisibleRect(options.placement.rect, page.cropBox, page.rotate) : undefined;
  const changed = addSignatureField({
    reader, page, fieldName, widgetNum, sigRef: PDFRef.of(sigNum), apRef, rect: mapped?.rect ?? [0, 0, 0, 0],
    certify: !!certifyP, allocate,
  });
  // Appearance objects (image, font) are created in a scratch context numbered after ours.
  const scratch = PDFContext.create();
  scratch.largestObjectNumber = next - 1;
  if (options.placement && mapped) {
    const lines = options.appearance ? formatSignatureText(options.appearance, signingTime) : [fieldName];
    await drawSignatureAppearance({
      ctx: scratch, ref: apRef, width: options.placement.rect.width, height: options.placement.rect.height,
      matrix: mapped.matrix, png: options.appearance?.png, lines,
    });
  } else drawEmptyAppearance(scratch, apRef);
  const fk = reader.fileKey;
  const objects: UpdateObject[] = [];
  const sigObj = buildSignatureDictionary({
    num: sigNum, contentsLength: reserve, signingTime, reason: options.reason, location: options.location,
    contactInfo: options.contactInfo, docMdpPermission: certifyP, fileKey: fk,
  });
  objects.push(sigObj);
  for (const c of changed) objects.push(serializeIndirect(c.num, c.gen, fk && c.plaintext ? encryptObject(c.object, fk, c.num, c.gen) : c.object));
  for (const [ref, obj] of scratch.enumerateIndirectObjects()) {
    const n = ref.objectNumber;
    objects.push(serializeIndirect(n, 0, fk ? encryptObject(obj, fk, n, 0) : obj));
  }
  const t = reader.trailer;
  const { update, offsets } = appendIncrementalUpdate({
    original: reader.bytes,
    objects,
    kind: reader.xref.lastKind,
    trailer: {
      root: t.get(PDFName.of("Root")) as PDFRef,
      info: t.get(PDFName.of("Info")),
      id: t.get(PDFName.of("ID")) ?? randomId(),
      encrypt: t.get(PDFName.of("Encrypt")),
      prev: reader.xref.startxref,
    },
  });
  return { update: Buffer.from(update.buffer, update.byteOffset, update.length), sigObj, sigOffset: offsets.get(sigNum)! };
}


/** `pdf` is materialised on first access; `update` alone lets storage stream input ‖ update without a copy. */
function signResult(input: Uint8Array, update: Uint8Array, fieldName: string, byteRange: SignPdfResult["byteRange"]): SignPdfResult {
  let pdf: Uint8Array | undefined;
  return {
    update, inputLength: input.length, fieldName, byteRange,
    get pdf() {
      if (!pdf) {
        pdf = new Uint8Array(input.length + update.length);
        pdf.set(input, 0);
        pdf.set(update, input.length);
      }
      return pdf;
    },
  };
}
