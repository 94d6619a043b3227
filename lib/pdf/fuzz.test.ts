import { readFileSync } from "node:fs";
import { expect, test } from "vitest";
import { isAppError } from "@/lib/errors";
import { signPdf, verifyPdf } from "./index";
import { CORPUS } from "./test-support/shared-dir";
import { aliceSigner, TESTDATA } from "./test-support/test-pki";

// Run longer with PDF_FUZZ_ITERATIONS=5000 PDF_FUZZ_SEED=n. (A run like that found
// a DER length read past the end that made the verifier loop until out of memory.)
// Mutated real files must end in a result or an AppError — never a TypeError,
// a stack overflow, or a hang. Deterministic (seeded) so a failure reproduces.

function rng(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

test("mutated inputs never crash or hang the signer or the verifier", async () => {
  const files = ["pdfjs/form_two_pages.pdf", "pdfjs/bug1937438_from_word.pdf", "pdfjs/empty_protected.pdf", "pdfjs/issue9972-1.pdf", "debian/pixel.pdf"]
    .map((f) => new Uint8Array(readFileSync(`${CORPUS}/${f}`)))
    .concat([new Uint8Array(readFileSync(`${TESTDATA}/signed2.pdf`))]);
  const rand = rng(Number(process.env.PDF_FUZZ_SEED ?? 42));
  const crashes: string[] = [];
  const signer = aliceSigner();
  for (let i = 0; i < Number(process.env.PDF_FUZZ_ITERATIONS ?? 240); i++) {
    const src = files[i % files.length];
    const bytes = Uint8Array.from(src);
    const kind = i % 5;
    // Mutations aimed at the structure: the tail (xref/trailer), random bytes, truncation, digits.
    if (kind === 0) for (let k = 0; k < 8; k++) bytes[bytes.length - 1 - Math.floor(rand() * 400)] = Math.floor(rand() * 256);
    if (kind === 1) for (let k = 0; k < 20; k++) bytes[Math.floor(rand() * bytes.length)] = Math.floor(rand() * 256);
    if (kind === 3) for (let k = 0; k < 10; k++) {
      const at = Math.floor(rand() * bytes.length);
      if (bytes[at] >= 0x30 && bytes[at] <= 0x39) bytes[at] = 0x30 + Math.floor(rand() * 10);
    }
    const input = kind === 2 ? bytes.subarray(0, Math.floor(rand() * bytes.length)) : kind === 4 ? replaceNumbers(bytes, rand) : bytes;
    for (const [name, run] of [["sign", () => signPdf(input, { signer, placement: { page: 1, rect: { x: 1, y: 1, width: 20, height: 10 } }, appearance: { name: "x" } })], ["verify", () => verifyPdf(input)]] as const) {
      const t0 = performance.now();
      try {
        await run();
      } catch (e) {
        if (!isAppError(e)) crashes.push(`#${i} ${name}: ${(e as Error)?.stack?.split("\n").slice(0, 3).join(" | ")}`);
      }
      if (performance.now() - t0 > 3000) crashes.push(`#${i} ${name}: slow (${(performance.now() - t0).toFixed(0)} ms)`);
    }
  }
  expect(crashes).toEqual([]);
}, 120_000);

/** Replaces a few numbers (offsets, counts, lengths, object numbers) with extreme values. */
function replaceNumbers(bytes: Uint8Array, rand: () => number): Uint8Array {
  let txt = Buffer.from(bytes).toString("latin1");
  const nums = [...txt.matchAll(/\d+/g)];
  for (let k = 0; k < 3 && nums.length; k++) {
    const m = nums[Math.floor(rand() * nums.length)];
    const repl = ["4294967295", "999999999999", "-1", "0", "65536", "1e9"][Math.floor(rand() * 6)];
    txt = txt.slice(0, m.index) + repl + txt.slice(m.index! + m[0].length);
  }
  return new Uint8Array(Buffer.from(txt, "latin1"));
}
