import { readFileSync } from "node:fs";
import { expect, test } from "vitest";
import { describePage, repairPdf, signPdf } from "./index";
import { generatePdf } from "./test-support/generate-pdf";
import { CORPUS } from "./test-support/shared-dir";
import { aliceSigner } from "./test-support/test-pki";
import { validatePdf } from "./test-support/validate";

test.each(["helloworld-bad.pdf", "xref_command_missing.pdf", "issue6069.pdf"])("damaged %s: repaired, then signed and valid", async (file) => {
  const input = new Uint8Array(readFileSync(`${CORPUS}/pdfjs/${file}`));
  const { pdf, repaired } = await repairPdf(input);
  expect(repaired).toBe(true);
  const { width, height } = describePage(pdf, 1); // these test files have tiny pages
  const signed = await signPdf(pdf, { signer: aliceSigner(), placement: { page: 1, rect: { x: 2, y: 2, width: width * 0.8, height: height * 0.8 } }, appearance: { name: "修复后签署" } });
  const r = await validatePdf(signed.pdf, { original: pdf, expect: 1 });
  expect(r.code, r.output).toBe(0);
});

test("sound files are returned unchanged; signed damaged files are refused", async () => {
  const sound = await generatePdf({ pages: 1 });
  expect((await repairPdf(sound)).repaired).toBe(false);
  const signed = (await signPdf(sound, { signer: aliceSigner() })).pdf;
  const broken = Buffer.from(signed);
  broken.write("9", Buffer.from(signed).toString("latin1").lastIndexOf("startxref") + 10, "latin1");
  await expect(repairPdf(new Uint8Array(broken))).rejects.toThrow(/signed or encrypted/);
});
