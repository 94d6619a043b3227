import { randomBytes } from "node:crypto";
import { PDFDocument, PDFName, StandardFonts } from "pdf-lib";

// Generated inputs for tests and the benchmark: pdf-lib writes them (this is
// fixture generation, not the signing path).

export async function generatePdf(opts: { pages: number; objectStreams?: boolean; padToBytes?: number; rotate?: number; cropBox?: [number, number, number, number] }): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < opts.pages; i++) {
    const page = doc.addPage([595, 842]);
    page.drawText(`Page ${i + 1}`, { x: 50, y: 780, size: 24, font });
    if (opts.rotate) page.node.set(PDFName.of("Rotate"), doc.context.obj(opts.rotate));
    if (opts.cropBox) page.node.set(PDFName.of("CropBox"), doc.context.obj(opts.cropBox));
  }
  if (opts.padToBytes) {
    // Incompressible payload (like scanned images) to reach the wanted size.
    const stream = doc.context.stream(randomBytes(opts.padToBytes), { Type: "XObject", Subtype: "Image", Width: 1, Height: 1, ColorSpace: "DeviceGray", BitsPerComponent: 8 } as never);
    const ref = doc.context.register(stream);
    doc.getPage(0).node.set(PDFName.of("PieceInfo"), doc.context.obj({ Payload: ref } as never));
  }
  return doc.save({ useObjectStreams: !!opts.objectStreams, addDefaultPage: false });
}
