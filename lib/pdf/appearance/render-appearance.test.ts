import { describe, expect, test } from "vitest";
import { signPdf } from "../sign-pdf";
import { generatePdf } from "../test-support/generate-pdf";
import { makePng } from "../test-support/make-png";
import { renderPage, type Raster } from "../test-support/render-page";
import { renderPagePdfjs } from "../test-support/render-page-pdfjs";
import { aliceSigner } from "../test-support/test-pki";

// The signature must land where the user put it in the *visible* page and
// stay upright, whatever /Rotate and CropBox say. Instead of reference PNGs,
// the render is checked against what we expect: the opaque (left) half of the
// PNG is red, its transparent half shows the page through, the text is below
// it, and nothing is drawn outside the rectangle.

const DPI = 72; // 1 px = 1 pt
const png = makePng(60, 40, (x) => (x < 30 ? [255, 0, 0, 255] : [0, 0, 255, 0])); // right half fully transparent
const rect = { x: 100, y: 150, width: 200, height: 100 };

function analyse(r: Raster) {
  let red = { n: 0, outside: 0, minX: Infinity, maxX: -Infinity, minY: Infinity, maxY: -Infinity };
  let darkInTextBand = 0;
  let blue = 0;
  for (let y = 0; y < r.height; y++) {
    for (let x = 0; x < r.width; x++) {
      const i = (y * r.width + x) * 3;
      const [R, G, B] = [r.rgb[i], r.rgb[i + 1], r.rgb[i + 2]];
      const inside = x >= rect.x - 1 && x <= rect.x + rect.width + 1 && y >= rect.y - 1 && y <= rect.y + rect.height + 1;
      if (R > 200 && G < 60 && B < 60) {
        red.n++;
        if (!inside) red.outside++;
        red = { ...red, minX: Math.min(red.minX, x), maxX: Math.max(red.maxX, x), minY: Math.min(red.minY, y), maxY: Math.max(red.maxY, y) };
      }
      if (B > 200 && R < 60) blue++;
      if (R < 100 && G < 100 && B < 100 && inside && y > rect.y + rect.height * 0.6) darkInTextBand++;
    }
  }
  return { red, darkInTextBand, blue };
}

const cases: { rotate: number; cropBox?: [number, number, number, number] }[] = [
  { rotate: 0 },
  { rotate: 90 },
  { rotate: 180 },
  { rotate: 270 },
  { rotate: 90, cropBox: [40, 60, 540, 800] },
  { rotate: 0, cropBox: [40, 60, 540, 800] },
];

describe.each(cases)("appearance on /Rotate $rotate, CropBox $cropBox", ({ rotate, cropBox }) => {
  test.each(["poppler", "mupdf", "pdfjs"] as const)("%s render", async (engine) => {
    const input = await generatePdf({ pages: 1, rotate, cropBox });
    const { pdf } = await signPdf(input, { signer: aliceSigner(), placement: { page: 1, rect }, appearance: { png, name: "张三", locale: "zh-CN" } });
    const a = analyse(engine === "pdfjs" ? await renderPagePdfjs(pdf, 1, DPI) : renderPage(pdf, 1, DPI, engine));
    expect(a.red.n).toBeGreaterThan(500);
    expect(a.red.outside).toBe(0);
    expect(a.blue).toBe(0); // the transparent half stays transparent (SMask kept)
    // Image in the upper part, opaque half on the left: the appearance is upright.
    expect(a.red.maxY).toBeLessThan(rect.y + rect.height * 0.75);
    expect((a.red.minX + a.red.maxX) / 2).toBeLessThan(rect.x + rect.width / 2);
    expect(a.darkInTextBand).toBeGreaterThan(30); // the name/time text below the image
  });
});
