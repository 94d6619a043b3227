// A minimal DER toolkit: CMS needs exact control over the bytes (sorted SET
// OF, signed attributes re-tagged for hashing, certificates copied verbatim),
// which is simpler to get right with plain TLV functions than with a full
// ASN.1 object model.

export type Der = Uint8Array;

function lengthBytes(n: number): number[] {
  if (n < 0x80) return [n];
  const out: number[] = [];
  while (n > 0) {
    out.unshift(n & 0xff);
    n = Math.floor(n / 256);
  }
  return [0x80 | out.length, ...out];
}

export function tlv(tag: number, ...parts: Der[]): Der {
  const len = parts.reduce((s, p) => s + p.length, 0);
  const head = [tag, ...lengthBytes(len)];
  const out = new Uint8Array(head.length + len);
  out.set(head, 0);
  let o = head.length;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

export const seq = (...p: Der[]) => tlv(0x30, ...p);
export const set = (...p: Der[]) => tlv(0x31, ...p);
/** DER SET OF: elements sorted by their encodings. */
export const setOf = (...p: Der[]) => tlv(0x31, ...[...p].sort(compareBytes));
export const octets = (b: Uint8Array) => tlv(0x04, b);
export const ctx = (n: number, ...p: Der[]) => tlv(0xa0 + n, ...p);
export const nul = () => Uint8Array.from([0x05, 0x00]);

export function int(n: number): Der {
  const bytes: number[] = [];
  do {
    bytes.unshift(n & 0xff);
    n = Math.floor(n / 256);
  } while (n > 0);
  if (bytes[0] & 0x80) bytes.unshift(0);
  return tlv(0x02, Uint8Array.from(bytes));
}

export function oid(dotted: string): Der {
  const parts = dotted.split(".").map(Number);
  const out: number[] = [parts[0] * 40 + parts[1]];
  for (const p of parts.slice(2)) {
    const chunk: number[] = [p & 0x7f];
    for (let v = Math.floor(p / 128); v > 0; v = Math.floor(v / 128)) chunk.unshift((v & 0x7f) | 0x80);
    out.push(...chunk);
  }
  return tlv(0x06, Uint8Array.from(out));
}

export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

// ------------------------------------------------------------------ decoding

export interface Node {
  tag: number;
  /** Offsets into the buffer the node was read from. */
  start: number;
  headerLength: number;
  length: number;
  bytes: Uint8Array; // the whole TLV
  value: Uint8Array; // the contents
}

export function readNode(buf: Uint8Array, pos = 0): Node {
  if (pos + 2 > buf.length) throw new Error("DER: truncated");
  const tag = buf[pos];
  if ((tag & 0x1f) === 0x1f) throw new Error("DER: high tag numbers not supported");
  let len = buf[pos + 1];
  let h = 2;
  if (len === 0x80) {
    // BER indefinite length (seen in CMS from NSS, e.g. poppler's pdfsig): read children up to 00 00.
    if (!(tag & 0x20)) throw new Error("BER: indefinite length on a primitive");
    let p = pos + 2;
    while (p + 1 < buf.length && !(buf[p] === 0 && buf[p + 1] === 0)) {
      const c = readNode(buf, p);
      p += c.bytes.length;
    }
    if (p + 1 >= buf.length) throw new Error("BER: missing end-of-contents");
    return { tag, start: pos, headerLength: 2, length: p - pos - 2, bytes: buf.subarray(pos, p + 2), value: buf.subarray(pos + 2, p) };
  }
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n > 4) throw new Error("DER: length too long");
    if (pos + 2 + n > buf.length) throw new Error("DER: truncated length"); // else NaN lengths loop forever
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + buf[pos + 2 + i];
    h += n;
  }
  if (pos + h + len > buf.length) throw new Error("DER: truncated");
  return { tag, start: pos, headerLength: h, length: len, bytes: buf.subarray(pos, pos + h + len), value: buf.subarray(pos + h, pos + h + len) };
}

export function children(n: Node): Node[] {
  const out: Node[] = [];
  for (let p = 0; p < n.value.length; ) {
    const c = readNode(n.value, p);
    if (c.bytes.length === 0) throw new Error("DER: empty element");
    out.push(c);
    p += c.bytes.length;
  }
  return out;
}

export function decodeOid(n: Node): string {
  const v = n.value;
  const parts = [Math.floor(v[0] / 40), v[0] % 40];
  let acc = 0;
  for (let i = 1; i < v.length; i++) {
    acc = acc * 128 + (v[i] & 0x7f);
    if (!(v[i] & 0x80)) {
      parts.push(acc);
      acc = 0;
    }
  }
  return parts.join(".");
}

/** GeneralizedTime / UTCTime → Date. */
export function decodeTime(n: Node): Date {
  const s = new TextDecoder().decode(n.value);
  const yearDigits = n.tag === 0x17 ? 2 : 4; // UTCTime : GeneralizedTime
  const m = new RegExp(`^(\\d{${yearDigits}})(\\d{2})(\\d{2})(\\d{2})(\\d{2})(\\d{2})?(?:[.,](\\d+))?(Z|[+-]\\d{4})?$`).exec(s);
  if (!m) throw new Error(`DER: bad time ${s}`);
  let year = Number(m[1]);
  if (m[1].length === 2) year += year < 50 ? 2000 : 1900;
  const ms = m[7] ? Math.round(Number(`0.${m[7]}`) * 1000) : 0;
  let t = Date.UTC(year, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0), ms);
  if (m[8] && m[8] !== "Z") t -= (m[8][0] === "-" ? -1 : 1) * (Number(m[8].slice(1, 3)) * 60 + Number(m[8].slice(3))) * 60000;
  return new Date(t);
}
