import { randomInt } from "node:crypto";
import { deflateSync } from "node:zlib";
import { PDFContext, PDFRef, PDFString } from "pdf-lib";
import type { CjkFont } from "./load-cjk-font";
import { subsetTrueType } from "./subset-truetype";

/**
 * Embeds the glyphs of `lines` as a Type0 / CIDFontType2 font with
 * Identity-H encoding, CID = glyph id, and a ToUnicode map so that text can
 * be searched and copied. Returns the hex string to show for each line.
 */
export function embedCjkFont(ctx: PDFContext, cjk: CjkFont, lines: string[]): {
  fontRef: PDFRef;
  encoded: string[];
  widthOf: (line: string, size: number) => number;
} {
  const scale = 1000 / cjk.parsed.unitsPerEm;
  const glyphsOf = (line: string) =>
    [...line].map((ch) => {
      const g = cjk.font.glyphForCodePoint(ch.codePointAt(0)!);
      return { id: g.id, width: Math.round(g.advanceWidth * scale), text: ch };
    });
  const laidOut = lines.map(glyphsOf);
  const { bytes: fontBytes, newId } = subsetTrueType(cjk.parsed, laidOut.flat().map((g) => g.id));
  // CID = glyph id in the subset (CIDToGIDMap /Identity); first character seen names the glyph for ToUnicode.
  const glyphs = new Map<number, { width: number; text: string }>();
  for (const g of laidOut.flat()) if (!glyphs.has(newId.get(g.id)!)) glyphs.set(newId.get(g.id)!, g);
  const encoded = laidOut.map((l) => `<${l.map((g) => newId.get(g.id)!.toString(16).padStart(4, "0")).join("")}>`);
  const widthOf = (line: string, size: number) => glyphsOf(line).reduce((s, g) => s + g.width, 0) * (size / 1000);

  const tag = Array.from({ length: 6 }, () => String.fromCharCode(65 + randomInt(26))).join("");
  const baseFont = `${tag}+${cjk.postscriptName}`;
  const fontFile = ctx.stream(deflateSync(fontBytes), { Filter: "FlateDecode", Length1: fontBytes.length } as never); // Length1: uncompressed size
  const [x1, y1, x2, y2] = cjk.parsed.bbox.map((v) => Math.round(v * scale));
  const descriptor = ctx.register(ctx.obj({
    Type: "FontDescriptor", FontName: baseFont, Flags: 4, FontBBox: [x1, y1, x2, y2], ItalicAngle: 0,
    Ascent: Math.round(cjk.parsed.ascent * scale), Descent: Math.round(cjk.parsed.descent * scale),
    CapHeight: Math.round(cjk.parsed.capHeight * scale), StemV: 80, FontFile2: ctx.register(fontFile),
  } as never));
  const ids = [...glyphs.keys()].sort((a, b) => a - b);
  const w = ids.flatMap((id) => [id, [glyphs.get(id)!.width]]);
  const cid = ctx.register(ctx.obj({
    Type: "Font", Subtype: "CIDFontType2", BaseFont: baseFont,
    CIDSystemInfo: { Registry: PDFString.of("Adobe"), Ordering: PDFString.of("Identity"), Supplement: 0 },
    FontDescriptor: descriptor, W: w, DW: 1000, CIDToGIDMap: "Identity",
  } as never));
  const toUnicode = ctx.register(ctx.flateStream(toUnicodeCMap(ids.map((id) => [id, glyphs.get(id)!.text])), {} as never));
  const fontRef = ctx.register(ctx.obj({
    Type: "Font", Subtype: "Type0", BaseFont: baseFont, Encoding: "Identity-H", DescendantFonts: [cid], ToUnicode: toUnicode,
  } as never));
  return { fontRef, encoded, widthOf };
}

function toUnicodeCMap(entries: [number, string][]): string {
  const hex = (s: string) => [...s].map((c) => {
    const cp = c.codePointAt(0)!;
    if (cp < 0x10000) return cp.toString(16).padStart(4, "0");
    const v = cp - 0x10000;
    return ((0xd800 + (v >> 10)).toString(16) + (0xdc00 + (v & 0x3ff)).toString(16));
  }).join("");
  const chunks: string[] = [];
  for (let i = 0; i < entries.length; i += 100) {
    const part = entries.slice(i, i + 100);
    chunks.push(`${part.length} beginbfchar\n${part.map(([id, t]) => `<${id.toString(16).padStart(4, "0")}> <${hex(t)}>`).join("\n")}\nendbfchar`);
  }
  return `/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n${chunks.join("\n")}\nendcmap\nCMapName currentdict /CIDInit /ProcSet findresource /CMapName get exch defineresource pop\nend\nend\n`;
}
