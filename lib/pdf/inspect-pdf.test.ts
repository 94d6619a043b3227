import { readFileSync } from "node:fs";
import { expect, test } from "vitest";
import { describePage, inspectPdf } from "./index";
import { generatePdf } from "./test-support/generate-pdf";
import { CORPUS } from "./test-support/shared-dir";
import { TESTDATA } from "./test-support/test-pki";

test("inspectPdf reports what signPdf will meet", async () => {
  expect(inspectPdf(await generatePdf({ pages: 3, objectStreams: true }))).toMatchObject({ pageCount: 3, xref: "stream", signatureCount: 0, canAddSignature: true, encrypted: false });
  expect(inspectPdf(new Uint8Array(readFileSync(`${TESTDATA}/signed2.pdf`)))).toMatchObject({ signatureCount: 2 });
  expect(inspectPdf(new Uint8Array(readFileSync(`${CORPUS}/pdfjs/empty_protected.pdf`)))).toMatchObject({ encrypted: true });
  expect(() => inspectPdf(new Uint8Array(readFileSync(`${CORPUS}/pdfjs/helloworld-bad.pdf`)))).toThrow(/cross-reference/);
});

test("describePage gives the visible size (after /Rotate and CropBox)", async () => {
  expect(describePage(await generatePdf({ pages: 1, rotate: 90, cropBox: [40, 60, 540, 800] }), 1)).toEqual({ width: 740, height: 500, rotate: 90 });
  expect(describePage(await generatePdf({ pages: 2 }), 2)).toEqual({ width: 595, height: 842, rotate: 0 });
});
