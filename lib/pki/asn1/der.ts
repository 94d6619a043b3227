// A tiny DER *writer* over Buffers. Parsing stays with node-forge (asn1.fromDer),
// but encoding is done here because (a) forge's oidToDer truncates arcs above
// 2^32, which breaks our 2.25.<uuid> OIDs, and (b) responders embed pre-encoded
// DER (certificates, names, CertIDs) that forge would have to re-parse and
// re-encode on every request.

export type Der = Buffer;

function encodeLength(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  while (n > 0) {
    bytes.unshift(n & 0xff);
    n = Math.floor(n / 256);
  }
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

/** Tag-length-value with a raw identifier byte (e.g. 0x30 SEQUENCE, 0xa0 [0] constructed). */
export function tlv(tag: number, ...content: Buffer[]): Der {
  const body = content.length === 1 ? content[0] : Buffer.concat(content);
  return Buffer.concat([Buffer.from([tag]), encodeLength(body.length), body]);
}

export const seq = (...items: Buffer[]): Der => tlv(0x30, ...items);

/** SET OF with DER ordering (elements sorted by their encodings). */
export const setOf = (...items: Buffer[]): Der => tlv(0x31, ...[...items].sort(Buffer.compare));

export const explicit = (n: number, inner: Buffer): Der => tlv(0xa0 | n, inner);

/** Context-specific implicit tag; `constructed` for SEQUENCE/SET-based types. */
export const implicit = (n: number, content: Buffer, constructed = false): Der =>
  tlv((constructed ? 0xa0 : 0x80) | n, content);

export const nullDer = (): Der => Buffer.from([0x05, 0x00]);
export const bool = (v: boolean): Der => Buffer.from([0x01, 0x01, v ? 0xff : 0x00]);
export const octets = (b: Buffer): Der => tlv(0x04, b);
export const utf8 = (s: string): Der => tlv(0x0c, Buffer.from(s, "utf8"));
export const printable = (s: string): Der => tlv(0x13, Buffer.from(s, "ascii"));
export const ia5 = (s: string): Der => tlv(0x16, Buffer.from(s, "ascii"));

/** BIT STRING; `unusedBits` only matters for named-bit lists such as keyUsage. */
export const bitString = (b: Buffer, unusedBits = 0): Der => tlv(0x03, Buffer.from([unusedBits]), b);

/** INTEGER from a non-negative bigint / number, or from unsigned big-endian bytes. */
export function integer(v: bigint | number | Buffer): Der {
  let bytes: Buffer;
  if (Buffer.isBuffer(v)) {
    let i = 0;
    while (i < v.length - 1 && v[i] === 0) i++;
    bytes = v.subarray(i);
    if (bytes.length === 0) bytes = Buffer.from([0]);
  } else {
    let hex = BigInt(v).toString(16);
    if (hex.length % 2) hex = "0" + hex;
    bytes = Buffer.from(hex, "hex");
  }
  if (bytes[0] & 0x80) bytes = Buffer.concat([Buffer.from([0]), bytes]);
  return tlv(0x02, bytes);
}

export const enumerated = (n: number): Der => tlv(0x0a, integer(n).subarray(2));

const oidCache = new Map<string, Der>();
/** OBJECT IDENTIFIER with arbitrary-size arcs (BigInt), cached per string. */
export function oid(dotted: string): Der {
  const hit = oidCache.get(dotted);
  if (hit) return hit;
  const arcs = dotted.split(".").map((a) => BigInt(a));
  const out: number[] = [];
  const push = (v: bigint) => {
    const chunk: number[] = [Number(v & 0x7fn)];
    v >>= 7n;
    while (v > 0n) {
      chunk.unshift(Number(v & 0x7fn) | 0x80);
      v >>= 7n;
    }
    out.push(...chunk);
  };
  push(arcs[0] * 40n + arcs[1]);
  for (const a of arcs.slice(2)) push(a);
  const der = tlv(0x06, Buffer.from(out));
  oidCache.set(dotted, der);
  return der;
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/** GeneralizedTime in UTC; milliseconds only when asked and non-zero (DER forbids trailing zeros). */
export function generalizedTime(d: Date, withMillis = false): Der {
  let s = `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`;
  const ms = d.getUTCMilliseconds();
  if (withMillis && ms) s += "." + pad(ms, 3).replace(/0+$/, "");
  return tlv(0x18, Buffer.from(s + "Z", "ascii"));
}

export function utcTime(d: Date): Der {
  const s = `${pad(d.getUTCFullYear() % 100)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;
  return tlv(0x17, Buffer.from(s, "ascii"));
}

/** RFC 5280 Time: UTCTime through 2049, GeneralizedTime from 2050. */
export const x509Time = (d: Date): Der => (d.getUTCFullYear() < 2050 ? utcTime(d) : generalizedTime(d));
