import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "vitest";
import { signPdf, verifyPdf } from "./index";
import { aliceSigner } from "./test-support/test-pki";
import { CORPUS } from "./test-support/shared-dir";

// Files encrypted with an empty user password are signed with their new
// objects encrypted under the document key; qpdf (an independent reader)
// must decrypt our field name and appearance stream back to plaintext.

const dir = mkdtempSync(join(tmpdir(), "pdf-enc-"));

test.each(["bug900822.pdf", "issue9972-1.pdf", "empty_protected.pdf"])("%s", async (file) => {
  const input = new Uint8Array(readFileSync(`${CORPUS}/pdfjs/${file}`));
  const r = await signPdf(input, { signer: aliceSigner(), fieldName: "加密签名", placement: { page: 1, rect: { x: 10, y: 10, width: 150, height: 60 } }, appearance: { name: "张三" } });
  const tail = Buffer.from(r.update).toString("latin1");
  expect(tail).not.toContain("/T (");
  expect(tail).not.toContain(" Tj"); // the appearance stream is encrypted
  const out = join(dir, file);
  writeFileSync(out, r.pdf);
  const widget = /(\d+) 0 obj\n<<\s*\/Type \/Annot\s*\/Subtype \/Widget/.exec(tail)![1];
  const shown = execFileSync("qpdf", ["--show-object=" + widget, out]).toString("utf8");
  expect(shown).toContain("/FT /Sig");
  const json = JSON.parse(execFileSync("qpdf", ["--json", "--json-key=acroform", out]).toString("utf8"));
  expect(JSON.stringify(json)).toContain("加密签名");
  const ap = /\/AP << \/N (\d+) 0 R/.exec(shown)![1];
  expect(execFileSync("qpdf", ["--show-object=" + ap, "--filtered-stream-data", out]).toString("latin1")).toContain(" Tj");
  const v = await verifyPdf(r.pdf);
  expect(v.signatures.at(-1)).toMatchObject({ fieldName: "加密签名", valid: true, coversWholeFile: true });
});
