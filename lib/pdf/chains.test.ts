import { describe, expect, test } from "vitest";
import { signPdf, verifyPdf } from "./index";
import { generatePdf } from "./test-support/generate-pdf";
import { opensslTimestamper } from "./test-support/openssl-tsa";
import { mintSigner, ROOT_PEM } from "./test-support/test-pki";
import { validatePdf } from "./test-support/validate";
import { readFileSync } from "node:fs";

// Several signers one after another on the same file: every earlier signature
// must stay valid in every validator, and only signature additions follow it.

const roots = [readFileSync(ROOT_PEM, "utf8")];
const tsa = opensslTimestamper();

describe.each([1, 3, 10])("chain of %i signatures by different signers", (n) => {
  test("all valid in our verifier and every validator; a flipped byte breaks them", async () => {
    let pdf = await generatePdf({ pages: 2, objectStreams: n === 3 });
    const first = pdf;
    for (let i = 0; i < n; i++) {
      const visible = i % 2 === 0;
      pdf = (await signPdf(pdf, {
        signer: mintSigner(`Signer ${i + 1}`, i % 3 === 2 ? "ec" : "rsa"),
        timestamp: n === 3 ? tsa : undefined, // the 3-chain is PAdES B-T throughout
        ...(visible ? { placement: { page: 1 + (i % 2), rect: { x: 20 + 50 * (i % 8), y: 500, width: 48, height: 40 } }, appearance: { name: `签署人${i + 1}` } } : {}),
      })).pdf;
    }
    const v = await verifyPdf(pdf, { trustedRoots: roots });
    expect(v.signatures).toHaveLength(n);
    if (n === 3) expect(v.signatures.every((s) => s.timestamp?.valid && s.timestamp.chain.status === "trusted")).toBe(true);
    expect(v.signatures.every((s) => s.valid && s.chain.status === "trusted")).toBe(true);
    expect(v.signatures.map((s) => s.revision)).toEqual(Array.from({ length: n }, (_, i) => i + 2));
    expect(v.signatures.slice(0, -1).every((s) => s.changesAfter === "signatures-only")).toBe(true);
    const ok = await validatePdf(pdf, { original: first, expect: n });
    expect(ok.code, ok.output).toBe(0);

    // Flip one byte in the first signed range (inside the original revision) and one in the second range.
    const sig = v.signatures[0];
    for (const at of [Math.floor(first.length / 3), sig.byteRange![2] + 3]) {
      const bad = Uint8Array.from(pdf);
      bad[at] ^= 0x01;
      const vb = await verifyPdf(bad, { trustedRoots: roots });
      expect(vb.signatures.some((s) => !s.valid)).toBe(true);
      if (at < first.length) expect(vb.signatures.every((s) => !s.valid)).toBe(true);
      const rb = await validatePdf(bad, { expect: n, extra: ["--only", "pdfsig,mutool,java"] });
      expect(rb.code, rb.output).toBe(1);
    }
  }, 180_000);
});
