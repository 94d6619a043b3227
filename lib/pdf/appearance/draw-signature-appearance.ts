import { PDFContext, PDFRef, PngEmbedder } from "pdf-lib";
import { embedCjkFont } from "./embed-cjk-font";
import { pdfError } from "../pdf-error";
import { checkPng } from "./check-png";
import { loadCjkFont } from "./load-cjk-font";

/**
 * Builds the widget's normal appearance: the handwritten PNG (alpha kept as
 * SMask by pdf-lib's PNG embedder) on top, and below it two lines of vector
 * text in a freshly subset CJK font (see embed-cjk-font.ts). All objects are created in
 * `ctx`, whose next object numbers continue the document's.
 */
export async function drawSignatureAppearance(opts: {
  ctx: PDFContext;
  width: number;
  height: number;
  matrix: number[];
  png?: Uint8Array;
  lines: string[];
  fontPath?: string;
  /** Number reserved for the form XObject (the widget refers to it before it exists). */
  ref: PDFRef;
}): Promise<PDFRef> {
  const { ctx, width: w, height: h } = opts;
  const pad = Math.min(w, h) * 0.04;
  const font = embedCjkFont(ctx, await loadCjkFont(opts.fontPath), opts.lines);
  const widest = Math.max(...opts.lines.map((l) => font.widthOf(l, 1)), 1);
  const fontSize = Math.max(2, Math.min(h * 0.12, 14, (w - 2 * pad) / widest));
  const lineHeight = fontSize * 1.3;
  const textHeight = lineHeight * opts.lines.length;
  let ops = "q\n";
  const resources: Record<string, unknown> = {};

  if (opts.png) {
    checkPng(opts.png);
    let img: PngEmbedder;
    try {
      img = await PngEmbedder.for(opts.png);
    } catch (e) {
      throw pdfError("PDF_IMAGE_INVALID", "the signature image cannot be decoded", {}, e);
    }
    const imgRef = await img.embedIntoContext(ctx, ctx.nextRef());
    const boxW = w - 2 * pad;
    const boxH = h - 2 * pad - textHeight - pad;
    if (boxW > 0 && boxH > 0) {
      const scale = Math.min(boxW / img.width, boxH / img.height);
      const iw = img.width * scale;
      const ih = img.height * scale;
      const ix = (w - iw) / 2;
      const iy = pad + textHeight + pad + (boxH - ih) / 2;
      ops += `q ${n(iw)} 0 0 ${n(ih)} ${n(ix)} ${n(iy)} cm /Im1 Do Q\n`;
      resources.XObject = { Im1: imgRef };
    }
  }

  ops += "0 g BT\n";
  font.encoded.forEach((hex, i) => {
    const y = pad + (opts.lines.length - 1 - i) * lineHeight + fontSize * 0.25;
    ops += `/F1 ${n(fontSize)} Tf 1 0 0 1 ${n(pad)} ${n(y)} Tm ${hex} Tj\n`;
  });
  ops += "ET\nQ\n";
  resources.Font = { F1: font.fontRef };

  const form = ctx.flateStream(ops, {
    Type: "XObject",
    Subtype: "Form",
    BBox: [0, 0, n(w), n(h)],
    Matrix: opts.matrix,
    Resources: resources,
  } as never);
  ctx.assign(opts.ref, form);
  return opts.ref;
}

/** An empty appearance for invisible signatures (some validators expect /AP on every widget). */
export function drawEmptyAppearance(ctx: PDFContext, ref: PDFRef): PDFRef {
  ctx.assign(ref, ctx.stream("", { Type: "XObject", Subtype: "Form", BBox: [0, 0, 0, 0] } as never));
  return ref;
}

const n = (x: number) => Math.round(x * 1000) / 1000;
