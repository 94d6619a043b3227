// A small TrueType subsetter: keeps the used glyphs (plus the components of
// composite glyphs, very common in CJK fonts) and renumbers them compactly,
// patching the component references inside composite glyphs. fontkit's
// subsetter got that patching wrong for Noto Sans SC ("invalid composite
// glyph" in poppler and MuPDF), which is why this exists.

interface Table { tag: string; data: Uint8Array }

export interface ParsedTrueType {
  tables: Map<string, Uint8Array>;
  unitsPerEm: number;
  numGlyphs: number;
  bbox: [number, number, number, number];
  ascent: number;
  descent: number;
  capHeight: number;
}

export function parseTrueType(font: Uint8Array): ParsedTrueType {
  const v = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const n = v.getUint16(4);
  const tables = new Map<string, Uint8Array>();
  for (let i = 0; i < n; i++) {
    const rec = 12 + i * 16;
    const tag = String.fromCharCode(...font.subarray(rec, rec + 4));
    tables.set(tag, font.subarray(v.getUint32(rec + 8), v.getUint32(rec + 8) + v.getUint32(rec + 12)));
  }
  const head = dv(tables.get("head")!);
  const hhea = dv(tables.get("hhea")!);
  const os2 = tables.get("OS/2");
  return {
    tables,
    unitsPerEm: head.getUint16(18),
    numGlyphs: dv(tables.get("maxp")!).getUint16(4),
    bbox: [head.getInt16(36), head.getInt16(38), head.getInt16(40), head.getInt16(42)],
    ascent: hhea.getInt16(4),
    descent: hhea.getInt16(6),
    capHeight: os2 && os2.length >= 90 ? dv(os2).getInt16(88) : hhea.getInt16(4),
  };
}

export function subsetTrueType(f: ParsedTrueType, used: Iterable<number>): { bytes: Uint8Array; newId: Map<number, number> } {
  const loca = f.tables.get("loca")!;
  const glyf = f.tables.get("glyf")!;
  const longLoca = dv(f.tables.get("head")!).getInt16(50) === 1;
  const lv = dv(loca);
  const off = (g: number) => (longLoca ? lv.getUint32(g * 4) : lv.getUint16(g * 2) * 2);
  const glyph = (g: number) => glyf.subarray(off(g), off(g + 1));
  const keep = new Set<number>([0]); // .notdef stays glyph 0
  const stack = [...used];
  while (stack.length) {
    const g = stack.pop()!;
    if (g >= f.numGlyphs || keep.has(g)) continue;
    keep.add(g);
    for (const c of components(glyph(g))) stack.push(c.glyph);
  }
  const ids = [...keep].sort((a, b) => a - b);
  const newId = new Map(ids.map((g, i) => [g, i]));
  const n = ids.length;
  const newGlyf = new Uint8Array(ids.reduce((s, g) => s + pad4(glyph(g).length), 0));
  const newLoca = new Uint8Array((n + 1) * 4);
  const newHmtx = new Uint8Array(n * 4);
  const hm = dv(f.tables.get("hmtx")!);
  const numH = dv(f.tables.get("hhea")!).getUint16(34);
  let p = 0;
  ids.forEach((g, i) => {
    dv(newLoca).setUint32(i * 4, p);
    const data = glyph(g);
    newGlyf.set(data, p);
    for (const c of components(data)) dv(newGlyf).setUint16(p + c.at, newId.get(c.glyph) ?? 0);
    p += pad4(data.length);
    const aw = hm.getUint16(4 * Math.min(g, numH - 1));
    const lsb = g < numH ? hm.getInt16(4 * g + 2) : hm.getInt16(4 * numH + 2 * (g - numH));
    dv(newHmtx).setUint16(i * 4, aw);
    dv(newHmtx).setInt16(i * 4 + 2, lsb);
  });
  dv(newLoca).setUint32(n * 4, p);
  const head = f.tables.get("head")!.slice();
  dv(head).setInt16(50, 1); // long loca
  dv(head).setUint32(8, 0); // checkSumAdjustment, recomputed below
  const hhea = f.tables.get("hhea")!.slice();
  dv(hhea).setUint16(34, n);
  const maxp = f.tables.get("maxp")!.slice();
  dv(maxp).setUint16(4, n);
  const out: Table[] = [
    { tag: "head", data: head },
    { tag: "hhea", data: hhea },
    { tag: "maxp", data: maxp },
    { tag: "hmtx", data: newHmtx },
    { tag: "loca", data: newLoca },
    { tag: "glyf", data: newGlyf },
  ];
  for (const t of ["cvt ", "fpgm", "prep", "gasp", "OS/2", "name"]) {
    const d = f.tables.get(t);
    if (d) out.push({ tag: t, data: d });
  }
  // post version 3: no glyph names (they would not match the new ids anyway).
  const post = f.tables.get("post");
  if (post) {
    const p3 = post.slice(0, 32);
    dv(p3).setUint32(0, 0x00030000);
    out.push({ tag: "post", data: p3 });
  }
  return { bytes: assemble(out), newId };
}

/** Component references of a composite glyph: the referenced glyph and where its id sits in the glyph data. */
function components(g: Uint8Array): { glyph: number; at: number }[] {
  if (g.length < 10 || dv(g).getInt16(0) >= 0) return [];
  const v = dv(g);
  const out: { glyph: number; at: number }[] = [];
  let p = 10;
  for (;;) {
    const flags = v.getUint16(p);
    out.push({ glyph: v.getUint16(p + 2), at: p + 2 });
    p += 4 + (flags & 0x1 ? 4 : 2);
    if (flags & 0x8) p += 2;
    else if (flags & 0x40) p += 4;
    else if (flags & 0x80) p += 8;
    if (!(flags & 0x20) || p + 4 > g.length) return out;
  }
}

function assemble(tables: Table[]): Uint8Array {
  tables.sort((a, b) => (a.tag < b.tag ? -1 : 1));
  const n = tables.length;
  const headerLen = 12 + n * 16;
  const total = headerLen + tables.reduce((s, t) => s + pad4(t.data.length), 0);
  const out = new Uint8Array(total);
  const v = dv(out);
  const log2 = Math.floor(Math.log2(n));
  v.setUint32(0, 0x00010000);
  v.setUint16(4, n);
  v.setUint16(6, 2 ** log2 * 16);
  v.setUint16(8, log2);
  v.setUint16(10, n * 16 - 2 ** log2 * 16);
  let p = headerLen;
  let headAt = 0;
  tables.forEach((t, i) => {
    const rec = 12 + i * 16;
    for (let j = 0; j < 4; j++) out[rec + j] = t.tag.charCodeAt(j);
    out.set(t.data, p);
    v.setUint32(rec + 4, checksum(out.subarray(p, p + pad4(t.data.length))));
    v.setUint32(rec + 8, p);
    v.setUint32(rec + 12, t.data.length);
    if (t.tag === "head") headAt = p;
    p += pad4(t.data.length);
  });
  v.setUint32(headAt + 8, (0xb1b0afba - checksum(out)) >>> 0);
  return out;
}

function checksum(d: Uint8Array): number {
  const v = dv(d);
  let s = 0;
  for (let i = 0; i + 4 <= d.length; i += 4) s = (s + v.getUint32(i)) >>> 0;
  return s;
}

const pad4 = (n: number) => (n + 3) & ~3;
const dv = (d: Uint8Array) => new DataView(d.buffer, d.byteOffset, d.byteLength);
