import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, PDFObject, PDFRef } from "pdf-lib";
import type { UpdateObject } from "./serialize-object";

const enc = new TextEncoder();

export interface TrailerFields {
  root: PDFRef;
  info?: PDFObject;
  id?: PDFObject;
  encrypt?: PDFObject;
  prev: number;
}

/**
 * Appends objects, a cross-reference section of the requested kind and a
 * trailer to the untouched original bytes (ISO 32000-2 §7.5.6). Returns only
 * the appended bytes (the original is never copied: for a 50 MB file that copy
 * would cost more than hashing it) plus the absolute offset of each object, so
 * that the caller can patch the signature placeholders in place.
 */
export function appendIncrementalUpdate(opts: {
  original: Uint8Array;
  objects: UpdateObject[];
  kind: "table" | "stream";
  trailer: TrailerFields;
}): { update: Uint8Array; offsets: Map<number, number> } {
  const { original, objects, kind, trailer } = opts;
  const lastByte = original[original.length - 1];
  const sep = lastByte === 0x0a || lastByte === 0x0d ? new Uint8Array(0) : enc.encode("\n");
  const offsets = new Map<number, number>();
  let pos = original.length + sep.length;
  for (const o of objects) {
    offsets.set(o.num, pos);
    pos += o.bytes.length;
  }
  const maxNum = Math.max(...objects.map((o) => o.num));
  let xrefBytes: Uint8Array;
  const xrefOffset = pos;
  if (kind === "table") {
    xrefBytes = enc.encode(buildTable(objects, offsets) + `trailer\n${trailerDict(trailer, maxNum + 1).toString()}\nstartxref\n${xrefOffset}\n%%EOF\n`);
  } else {
    const streamNum = maxNum + 1;
    offsets.set(streamNum, xrefOffset);
    xrefBytes = buildXrefStream([...objects, { num: streamNum, gen: 0, bytes: new Uint8Array(0) }], offsets, trailer, streamNum, xrefOffset);
  }
  const out = new Uint8Array(pos + xrefBytes.length - original.length);
  out.set(sep, 0);
  let p = sep.length;
  for (const o of objects) {
    out.set(o.bytes, p);
    p += o.bytes.length;
  }
  out.set(xrefBytes, p);
  return { update: out, offsets };
}

/** Groups sorted object numbers into contiguous runs: the subsections of an xref. */
function runs(nums: number[]): [number, number[]][] {
  const sorted = [...nums].sort((a, b) => a - b);
  const out: [number, number[]][] = [];
  for (const n of sorted) {
    const last = out[out.length - 1];
    if (last && last[0] + last[1].length === n) last[1].push(n);
    else out.push([n, [n]]);
  }
  return out;
}

function buildTable(objects: UpdateObject[], offsets: Map<number, number>): string {
  const gens = new Map(objects.map((o) => [o.num, o.gen]));
  let s = "xref\n";
  for (const [first, nums] of runs(objects.map((o) => o.num))) {
    s += `${first} ${nums.length}\n`;
    for (const n of nums) s += `${String(offsets.get(n)).padStart(10, "0")} ${String(gens.get(n)).padStart(5, "0")} n\r\n`;
  }
  return s;
}

function trailerDict(t: TrailerFields, size: number): PDFDict {
  const d = PDFDict.withContext(undefined as never);
  d.set(PDFName.of("Size"), PDFNumber.of(size));
  d.set(PDFName.of("Root"), t.root);
  if (t.info) d.set(PDFName.of("Info"), t.info);
  if (t.id) d.set(PDFName.of("ID"), t.id);
  if (t.encrypt) d.set(PDFName.of("Encrypt"), t.encrypt);
  d.set(PDFName.of("Prev"), PDFNumber.of(t.prev));
  return d;
}

function buildXrefStream(objects: UpdateObject[], offsets: Map<number, number>, t: TrailerFields, num: number, at: number): Uint8Array {
  const maxOffset = Math.max(...offsets.values());
  const w = maxOffset < 2 ** 32 ? 4 : 6;
  const gens = new Map(objects.map((o) => [o.num, o.gen]));
  const groups = runs(objects.map((o) => o.num));
  const rowLen = 1 + w + 2;
  const data = new Uint8Array(objects.length * rowLen);
  let p = 0;
  for (const [, nums] of groups) {
    for (const n of nums) {
      data[p] = 1;
      let off = offsets.get(n)!;
      for (let i = w; i >= 1; i--, off = Math.floor(off / 256)) data[p + i] = off & 0xff;
      const g = gens.get(n)!;
      data[p + w + 1] = (g >> 8) & 0xff;
      data[p + w + 2] = g & 0xff;
      p += rowLen;
    }
  }
  const dict = trailerDict(t, num + 1);
  dict.set(PDFName.of("Type"), PDFName.of("XRef"));
  dict.set(PDFName.of("W"), arr([1, w, 2]));
  dict.set(PDFName.of("Index"), arr(groups.flatMap(([first, nums]) => [first, nums.length])));
  dict.set(PDFName.of("Length"), PDFNumber.of(data.length));
  const head = enc.encode(`${num} 0 obj\n${dict.toString()}\nstream\n`);
  const tail = enc.encode(`\nendstream\nendobj\nstartxref\n${at}\n%%EOF\n`);
  const out = new Uint8Array(head.length + data.length + tail.length);
  out.set(head, 0);
  out.set(data, head.length);
  out.set(tail, head.length + data.length);
  return out;
}

function arr(nums: number[]): PDFArray {
  const a = PDFArray.withContext(undefined as never);
  for (const n of nums) a.push(PDFNumber.of(n));
  return a;
}

export function randomId(): PDFArray {
  const a = PDFArray.withContext(undefined as never);
  const h = PDFHexString.of(Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("hex"));
  a.push(h);
  a.push(h);
  return a;
}
