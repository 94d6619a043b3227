// Reading DER with node-forge's strict parser. Everything here throws on bad
// input; protocol handlers catch and turn that into a protocol-level error.
import forge from "node-forge";

export type Node = forge.asn1.Asn1;
const { asn1 } = forge;
export const Class = asn1.Class;
export const Type = asn1.Type;

/** Strict DER parse: all bytes consumed, BIT STRING contents left alone. */
export function parseDer(der: Buffer | Uint8Array): Node {
  const bin = Buffer.from(der.buffer, der.byteOffset, der.byteLength).toString("binary");
  // @types/node-forge only knows the old boolean signature; forge 1.3+ takes these options.
  const fromDer = asn1.fromDer as unknown as (bytes: string, options: object) => Node;
  return fromDer(bin, { strict: true, parseAllBytes: true, decodeBitStrings: false });
}

/** Re-encode a parsed node (DER in → identical DER out). */
export const encodeNode = (node: Node): Buffer => Buffer.from(asn1.toDer(node).getBytes(), "binary");

export function children(node: Node | undefined, what = "SEQUENCE"): Node[] {
  if (!node || !Array.isArray(node.value)) throw new Error(`expected constructed ${what}`);
  return node.value as Node[];
}

export function expectUniversal(node: Node | undefined, type: number, what: string): Node {
  if (!node || node.tagClass !== Class.UNIVERSAL || node.type !== type) throw new Error(`expected ${what}`);
  return node;
}

export const isContext = (node: Node | undefined, n: number): boolean =>
  !!node && node.tagClass === Class.CONTEXT_SPECIFIC && node.type === n;

export function primitiveBytes(node: Node | undefined, type: number, what: string): Buffer {
  const n = expectUniversal(node, type, what);
  if (typeof n.value !== "string") throw new Error(`expected primitive ${what}`);
  return Buffer.from(n.value, "binary");
}

export const integerBytes = (node: Node | undefined): Buffer => primitiveBytes(node, Type.INTEGER, "INTEGER");
export const octetBytes = (node: Node | undefined): Buffer => primitiveBytes(node, Type.OCTETSTRING, "OCTET STRING");

/** Non-negative INTEGER as a bigint (negative values are rejected: serials and nonces are positive). */
export function integerValue(node: Node | undefined): bigint {
  const b = integerBytes(node);
  if (b.length === 0 || b[0] & 0x80) throw new Error("expected non-negative INTEGER");
  return b.length ? BigInt("0x" + b.toString("hex")) : 0n;
}

/** OID to dotted string with BigInt arcs (forge's derToOid overflows on 2.25.* arcs). */
export function oidValue(node: Node | undefined): string {
  const b = primitiveBytes(node, Type.OID, "OBJECT IDENTIFIER");
  const arcs: bigint[] = [];
  let v = 0n;
  for (const byte of b) {
    v = (v << 7n) | BigInt(byte & 0x7f);
    if (!(byte & 0x80)) {
      arcs.push(v);
      v = 0n;
    }
  }
  if (!arcs.length) throw new Error("empty OID");
  const first = arcs[0] < 80n ? arcs[0] / 40n : 2n;
  return [first, arcs[0] - first * 40n, ...arcs.slice(1)].join(".");
}

export function boolValue(node: Node | undefined): boolean {
  const b = primitiveBytes(node, Type.BOOLEAN, "BOOLEAN");
  return b.length === 1 && b[0] !== 0;
}

/** Parses UTCTime / GeneralizedTime (with optional fraction) to a Date. */
export function timeValue(node: Node | undefined): Date {
  if (!node || typeof node.value !== "string") throw new Error("expected time");
  const s = node.value;
  if (node.type === Type.UTCTIME) {
    const m = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(s);
    if (!m) throw new Error("bad UTCTime");
    const y = Number(m[1]);
    return new Date(Date.UTC(y < 50 ? 2000 + y : 1900 + y, +m[2] - 1, +m[3], +m[4], +m[5], +m[6]));
  }
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:\.(\d+))?Z$/.exec(s);
  if (!m || node.type !== Type.GENERALIZEDTIME) throw new Error("bad GeneralizedTime");
  const ms = m[7] ? Math.floor(Number("0." + m[7]) * 1000) : 0;
  return new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6], ms));
}
