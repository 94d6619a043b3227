import type { Raster } from "./render-page";

/** Renders a page with pdf.js (the engine of the app's preview) onto a Skia canvas, annotations included. */
export async function renderPagePdfjs(pdf: Uint8Array, pageNo: number, dpi: number): Promise<Raster> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const { createCanvas } = await import("@napi-rs/canvas");
  const doc = await pdfjs.getDocument({ data: Uint8Array.from(pdf), verbosity: 0 }).promise;
  try {
    const page = await doc.getPage(pageNo);
    const viewport = page.getViewport({ scale: dpi / 72 });
    const canvas = createCanvas(Math.round(viewport.width), Math.round(viewport.height));
    const ctx = canvas.getContext("2d");
    ctx.fillStyle = "white";
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    await page.render({ canvas: canvas as never, canvasContext: ctx as never, viewport, annotationMode: pdfjs.AnnotationMode.ENABLE }).promise;
    const rgba = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    const rgb = new Uint8Array(canvas.width * canvas.height * 3);
    for (let i = 0, j = 0; i < rgba.length; i += 4, j += 3) {
      rgb[j] = rgba[i];
      rgb[j + 1] = rgba[i + 1];
      rgb[j + 2] = rgba[i + 2];
    }
    return { width: canvas.width, height: canvas.height, rgb };
  } finally {
    await doc.destroy();
  }
}
