import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT_PEM } from "./test-pki";
import { SHARED } from "./shared-dir";

export const VALIDATE_PDF = `${SHARED}/tools/pdfcheck/validate-pdf`;
const dir = mkdtempSync(join(tmpdir(), "pdf-validate-"));
let n = 0;

/** Runs the independent validators on `pdf`; resolves with the exit code and the summary lines. */
export function validatePdf(pdf: Uint8Array, opts: { original?: Uint8Array; expect?: number; extra?: string[] } = {}): Promise<{ code: number; output: string }> {
  const id = n++;
  const out = join(dir, `out-${id}.pdf`);
  writeFileSync(out, pdf);
  const args = [out, "--root", ROOT_PEM];
  if (opts.original) {
    const orig = join(dir, `orig-${id}.pdf`);
    writeFileSync(orig, opts.original);
    args.push("--original", orig);
  }
  if (opts.expect !== undefined) args.push("--expect", String(opts.expect));
  args.push(...(opts.extra ?? []));
  return new Promise((resolve) => {
    execFile(VALIDATE_PDF, args, { timeout: 240_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === "number" ? err.code : 1) : 0;
      resolve({ code, output: stdout + stderr });
    });
  });
}
