import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { isAppError } from "@/lib/errors";
import { generatePdf } from "../test-support/generate-pdf";
import { findPage } from "./find-page";
import { PdfReader } from "./pdf-reader";
import { CORPUS } from "../test-support/shared-dir";

const corpus = (f: string) => new Uint8Array(readFileSync(`${CORPUS}/${f}`));
const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return isAppError(e) ? e.code : String(e);
  }
  return "ok";
};

describe("PdfReader", () => {
  test("classic table and xref stream give the same page tree", async () => {
    for (const objectStreams of [false, true]) {
      const r = new PdfReader(await generatePdf({ pages: 30, objectStreams }));
      expect(r.xref.lastKind).toBe(objectStreams ? "stream" : "table");
      const p = findPage(r, 29);
      expect(p.pageCount).toBe(30);
      expect(p.cropBox).toEqual([0, 0, 595, 842]);
    }
  });

  test("hybrid file (table + /XRefStm) reaches objects in object streams", () => {
    const r = new PdfReader(corpus("pdfjs/bug1937438_from_word.pdf"));
    expect(r.xref.lastKind).toBe("table");
    expect([...r.xref.entries.values()].some((e) => e.type === 2)).toBe(true);
    expect(findPage(r, 0).pageCount).toBe(1);
  });

  test("walks nested page trees to the right page (checked against qpdf --show-pages)", async () => {
    const { execFileSync } = await import("node:child_process");
    for (const f of ["debian/R-intro.pdf", "debian/reportlab-userguide.pdf", "pdfjs/vertical.pdf"]) {
      const pages = execFileSync("qpdf", ["--show-pages", `${CORPUS}/${f}`]).toString().match(/^page \d+: (\d+) \d+ R/gm)!;
      const r = new PdfReader(corpus(f));
      for (const i of [0, Math.floor(pages.length / 2), pages.length - 1]) {
        expect(`page ${i + 1}: ${findPage(r, i).ref.objectNumber}`, f).toBe(pages[i].replace(/ \d+ R$/, ""));
      }
    }
  });

  test("reads only what it is asked for", async () => {
    const r = new PdfReader(await generatePdf({ pages: 1000 }));
    findPage(r, 999);
    const cache = (r as unknown as { cache: Map<number, unknown> }).cache;
    expect(cache.size).toBeLessThan(10); // catalog, page tree root, one page — not 1,000 pages
  });

  test("inherited Rotate and CropBox; rotation normalised", () => {
    const p = findPage(new PdfReader(corpus("pdfjs/hello_world_rotated.pdf")), 2);
    expect(p.rotate).toBe(90);
  });

  test("damaged and hostile inputs end in AppErrors", () => {
    expect(code(() => new PdfReader(corpus("pdfjs/helloworld-bad.pdf")))).toBe("PDF_DAMAGED");
    expect(code(() => new PdfReader(corpus("pdfjs/xref_command_missing.pdf")))).toBe("PDF_DAMAGED");
    expect(code(() => new PdfReader(corpus("pdfjs/issue6069.pdf")))).toBe("PDF_DAMAGED");
    expect(code(() => new PdfReader(corpus("pdfjs/issue3371.pdf")))).toBe("PDF_PASSWORD_REQUIRED");
    expect(new PdfReader(corpus("pdfjs/issue3371.pdf"), { password: "ELXRTQWS" }).fileKey).toBeDefined();
    // a /Prev loop
    const loop = new TextEncoder().encode("%PDF-1.4\nxref\n0 1\n0000000000 65535 f \ntrailer\n<< /Size 1 /Root 1 0 R /Prev 9 >>\nstartxref\n9\n%%EOF\n");
    expect(code(() => new PdfReader(loop))).toBe("PDF_DAMAGED");
    // an absurd object count
    const huge = new TextEncoder().encode("%PDF-1.4\nxref\n0 99999999\n0000000000 65535 f \ntrailer\n<< /Size 1 /Root 1 0 R >>\nstartxref\n9\n%%EOF\n");
    expect(code(() => new PdfReader(huge))).toBe("PDF_LIMIT_EXCEEDED");
  });

  test("a decompression bomb in an xref stream is stopped at the size limit", async () => {
    const { deflateSync } = await import("node:zlib");
    const bomb = deflateSync(Buffer.alloc(80 * 1024 * 1024));
    const head = Buffer.from(`%PDF-1.5\n1 0 obj\n<< /Type /XRef /Size 2 /W [1 4 2] /Root 2 0 R /Filter /FlateDecode /Length ${bomb.length} >>\nstream\n`, "latin1");
    const tail = Buffer.from("\nendstream\nendobj\nstartxref\n9\n%%EOF\n", "latin1");
    expect(code(() => new PdfReader(new Uint8Array(Buffer.concat([head, bomb, tail]))))).toBe("PDF_LIMIT_EXCEEDED");
  });

  test("decrypts the file key for empty user passwords (RC4, AES-128, AES-256)", () => {
    for (const [f, stm] of [["pdfjs/bug900822.pdf", "rc4"], ["pdfjs/issue9972-1.pdf", "aes128"], ["pdfjs/empty_protected.pdf", "aes256"]]) {
      expect(new PdfReader(corpus(f)).fileKey?.stm, f).toBe(stm);
    }
  });
});
