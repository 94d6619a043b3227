import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { isAppError } from "@/lib/errors";
import { signPdf, verifyPdf } from "./index";
import { aliceSigner } from "./test-support/test-pki";
import { validatePdf } from "./test-support/validate";
import { CORPUS } from "./test-support/shared-dir";

// Every file of the real-world corpus either signs — and the result passes
// every independent validator with the input kept as exact prefix — or is
// refused with the documented error. Set PDF_CORPUS_VALIDATE=subset to
// validate only a representative subset (the full run takes ~40 s).

const manifest = readFileSync(`${CORPUS}/MANIFEST.tsv`, "utf8").trim().split("\n").slice(1).map((l) => l.split("\t")[0]);

/** Files we refuse, and why (see README.md). */
const REFUSED: Record<string, string> = {
  "pdfjs/helloworld-bad.pdf": "PDF_DAMAGED", // startxref points at the wrong place
  "pdfjs/xref_command_missing.pdf": "PDF_DAMAGED", // "xref" keyword missing
  "pdfjs/issue6069.pdf": "PDF_DAMAGED", // junk before the header, no startxref
  "pdfjs/issue3371.pdf": "PDF_PASSWORD_REQUIRED", // needs user password ELXRTQWS
};
/** Inputs on which qpdf already warns before we touch them. */
const QPDF_WARNS_ON_ORIGINAL = new Set(["pdfjs/pdfkit_compressed.pdf", "pdfjs/issue15690.pdf"]);
/** Pre-existing signature that validators already reject (non-standard ByteRange). */
const BROKEN_EXISTING_SIGNATURE = new Set(["pdfjs/signed_verified.pdf"]);
const SUBSET = new Set(["debian/R-intro.pdf", "pdfjs/bug1937438_from_word.pdf", "pdfjs/bug854315.pdf", "pdfjs/empty_protected.pdf", "pdfjs/bug900822.pdf",
  "pdfjs/issue9972-1.pdf", "pdfjs/prefilled_f1040.pdf", "pdfjs/form_two_pages.pdf", "pdfjs/tracemonkey_a11y.pdf", "pdfjs/160F-2019.pdf"]);

describe("corpus", () => {
  test("every file signs or is refused as documented; signed files pass the validators", async () => {
    const mode = process.env.PDF_CORPUS_VALIDATE ?? "all";
    const failures: string[] = [];
    const jobs: (() => Promise<void>)[] = [];
    for (const file of manifest) {
      const input = new Uint8Array(readFileSync(`${CORPUS}/${file}`));
      const t0 = performance.now();
      let pdf: Uint8Array;
      try {
        pdf = (await signPdf(input, { signer: aliceSigner(), placement: { page: 1, rect: { x: 10, y: 10, width: 120, height: 50 } }, appearance: { name: "测试签署人" } })).pdf;
      } catch (e) {
        if (!isAppError(e)) failures.push(`${file}: unexpected ${String(e)}`);
        else if (REFUSED[file] !== e.code) failures.push(`${file}: refused with ${e.code} (${e.message})`);
        continue;
      }
      const ms = performance.now() - t0;
      if (ms > 3000) failures.push(`${file}: took ${ms.toFixed(0)} ms`);
      if (REFUSED[file]) failures.push(`${file}: signed, expected ${REFUSED[file]}`);
      const before = await verifyPdf(input);
      const after = await verifyPdf(pdf);
      // Earlier signatures keep their verdict; ours is valid and covers the whole file.
      expect(after.signatures.slice(0, -1).map((s) => s.valid), file).toEqual(before.signatures.map((s) => s.valid));
      expect(after.signatures.at(-1), file).toMatchObject({ valid: true, coversWholeFile: true });
      // …and what follows them is only our signature.
      expect(after.signatures.slice(0, -1).map((s) => s.changesAfter), file).toEqual(before.signatures.map((s) => (s.changesAfter === "none" ? "signatures-only" : s.changesAfter)));
      if (SUBSET.has(file)) {
        // The next signer continues on our output: both stay valid, only a signature follows ours.
        const twice = (await signPdf(pdf, { signer: aliceSigner() })).pdf;
        const v2 = await verifyPdf(twice);
        expect(v2.signatures.slice(-2).map((s) => [s.valid, s.changesAfter]), file).toEqual([[true, "signatures-only"], [true, "none"]]);
      }
      if (mode === "none" || (mode === "subset" && !SUBSET.has(file))) continue;
      jobs.push(async () => {
        const extra = QPDF_WARNS_ON_ORIGINAL.has(file) ? ["--lenient-qpdf"] : [];
        if (BROKEN_EXISTING_SIGNATURE.has(file)) extra.push("--only", "qpdf");
        const r = await validatePdf(pdf, { original: input, expect: BROKEN_EXISTING_SIGNATURE.has(file) ? undefined : before.signatures.length + 1, extra });
        if (r.code !== 0) failures.push(`${file}: validators failed\n${r.output}`);
      });
    }
    // Two at a time: the machine has two cores.
    const queue = [...jobs];
    await Promise.all([0, 1].map(async () => { for (let j = queue.shift(); j; j = queue.shift()) await j(); }));
    expect(failures).toEqual([]);
  }, 600_000);
});
