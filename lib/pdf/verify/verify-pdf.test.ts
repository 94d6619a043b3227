import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { verifyPdf } from "../index";
import { ROOT_PEM, TESTDATA } from "../test-support/test-pki";
import { validatePdf } from "../test-support/validate";

// Our verifier must agree with the independent validators on the PDFs that
// another implementation (pyHanko, poppler) signed, tampered ones included.

const load = (f: string) => new Uint8Array(readFileSync(`${TESTDATA}/${f}`));
const roots = [readFileSync(ROOT_PEM, "utf8")];

const expected: Record<string, { valid: boolean[]; whole: boolean[]; ts?: boolean[]; changes?: string[] }> = {
  "signed1.pdf": { valid: [true], whole: [true] },
  "signed2.pdf": { valid: [true, true], whole: [false, true], changes: ["signatures-only", "none"] },
  "signed-objstm.pdf": { valid: [true], whole: [true] },
  "signed-encrypted.pdf": { valid: [true], whole: [true] },
  "signed-poppler.pdf": { valid: [true], whole: [true] },
  "signed-bt-docts.pdf": { valid: [true, true], whole: [false, true], ts: [true, true] },
  "signed2-unsigned-update.pdf": { valid: [true, true], whole: [false, false], changes: ["other", "other"] },
  "tampered.pdf": { valid: [false, false], whole: [false, true] },
  "tampered-sig2-only.pdf": { valid: [true, false], whole: [false, true] },
};

describe("verifyPdf on pdfcheck testdata", () => {
  test.each(Object.keys(expected))("%s", async (file) => {
    const v = await verifyPdf(load(file), { trustedRoots: roots });
    const e = expected[file];
    expect(v.signatures.map((s) => s.valid)).toEqual(e.valid);
    expect(v.signatures.map((s) => s.coversWholeFile)).toEqual(e.whole);
    if (e.ts) expect(v.signatures.map((s) => s.timestamp?.valid)).toEqual(e.ts);
    if (e.changes) expect(v.signatures.map((s) => s.changesAfter)).toEqual(e.changes);
    // (a tampered /M may move the signing time before the certificate's validity: then "invalid")
    for (const s of v.signatures.filter((x) => x.valid)) expect(s.chain.status).toBe("trusted");
  });

  test("without roots the chain is not checked; with the wrong root it is untrusted", async () => {
    expect((await verifyPdf(load("signed1.pdf"))).signatures[0].chain.status).toBe("not-checked");
    const other = await verifyPdf(load("signed1.pdf"), { trustedRoots: [readFileSync(`${TESTDATA}/other-root.pem`)] });
    expect(other.signatures[0].chain.status).toBe("untrusted");
  });

  test("unsigned PDFs list no signatures", async () => {
    expect((await verifyPdf(load("plain.pdf"))).signatures).toEqual([]);
  });

  test("the validators agree on the tampered files (they fail) and the intact ones (they pass)", async () => {
    for (const [file, e] of Object.entries(expected)) {
      if (file === "signed2-unsigned-update.pdf") continue; // validators disagree among themselves on "whole file"
      const r = await validatePdf(load(file), { extra: ["--allow-uncovered", "--only", "pdfsig,java"] });
      expect(r.code === 0, `${file}\n${r.output}`).toBe(e.valid.every(Boolean));
    }
  }, 120_000);
});

test("a later non-signature annotation counts as 'other' changes", async () => {
  const { signPdf } = await import("../index");
  const { generatePdf } = await import("../test-support/generate-pdf");
  const { aliceSigner } = await import("../test-support/test-pki");
  const { PdfReader } = await import("../read/pdf-reader");
  const { findPage } = await import("../read/find-page");
  const signed = (await signPdf(await generatePdf({ pages: 1 }), { signer: aliceSigner() })).pdf;
  // Append by hand an update that adds a FreeText annotation to the page.
  const r = new PdfReader(signed);
  const page = findPage(r, 0);
  const annots = page.dict.get((await import("pdf-lib")).PDFName.of("Annots"))!.toString().replace("]", ` ${r.size} 0 R]`);
  const pageText = page.dict.toString().replace(/\/Annots \[[^\]]*\]/, `/Annots ${annots}`);
  const base = signed.length;
  const annot = `${r.size} 0 obj\n<< /Type /Annot /Subtype /FreeText /Rect [10 10 200 50] /Contents (PAID) /DA (/Helv 12 Tf) >>\nendobj\n`;
  const pageObj = `${page.ref.objectNumber} 0 obj\n${pageText}\nendobj\n`;
  const xrefAt = base + annot.length + pageObj.length;
  const pad = (n: number) => String(n).padStart(10, "0");
  const tail = `${annot}${pageObj}xref\n${page.ref.objectNumber} 1\n${pad(base + annot.length)} 00000 n\r\n${r.size} 1\n${pad(base)} 00000 n\r\ntrailer\n<< /Size ${r.size + 1} /Root ${r.trailer.get((await import("pdf-lib")).PDFName.of("Root"))} /Prev ${r.xref.startxref} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  const edited = Buffer.concat([Buffer.from(signed), Buffer.from(tail, "latin1")]);
  const v = await verifyPdf(new Uint8Array(edited));
  expect(v.signatures[0]).toMatchObject({ valid: true, coversWholeFile: false, changesAfter: "other" });
});
