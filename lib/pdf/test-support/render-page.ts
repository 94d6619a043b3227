import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface Raster { width: number; height: number; rgb: Uint8Array }

/** Renders one page (visible area, rotation applied) with poppler or MuPDF and returns the RGB raster. */
export function renderPage(pdf: Uint8Array, page: number, dpi: number, engine: "poppler" | "mupdf"): Raster {
  const dir = mkdtempSync(join(tmpdir(), "pdf-render-"));
  try {
    writeFileSync(join(dir, "in.pdf"), pdf);
    const out = join(dir, "out.ppm");
    if (engine === "poppler") {
      execFileSync("pdftoppm", ["-cropbox", "-r", String(dpi), "-f", String(page), "-l", String(page), "-singlefile", join(dir, "in.pdf"), join(dir, "out")]);
    } else {
      execFileSync("mutool", ["draw", "-q", "-r", String(dpi), "-o", out, join(dir, "in.pdf"), String(page)], { stdio: "pipe" });
    }
    return parsePpm(readFileSync(out));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function parsePpm(b: Buffer): Raster {
  const tokens: string[] = [];
  let p = 0;
  while (tokens.length < 4) {
    while (/\s/.test(String.fromCharCode(b[p]))) p++;
    if (b[p] === 0x23) { while (b[p] !== 0x0a) p++; continue; }
    let t = "";
    while (!/\s/.test(String.fromCharCode(b[p]))) t += String.fromCharCode(b[p++]);
    tokens.push(t);
  }
  p++;
  const [magic, w, h] = tokens;
  if (magic !== "P6") throw new Error(`unexpected ${magic}`);
  return { width: Number(w), height: Number(h), rgb: new Uint8Array(b.subarray(p, p + Number(w) * Number(h) * 3)) };
}
