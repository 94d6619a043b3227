import { createCipheriv, createDecipheriv, createHash } from "node:crypto";
import { PDFDict, PDFHexString, PDFName, PDFNumber, PDFString, PDFBool } from "pdf-lib";
import { pdfError } from "../pdf-error";
import { rc4 } from "./rc4";

// ISO 32000-2 §7.6.4 standard security handler: the file key is derived
// from the *user* password (empty for "owner restrictions only" files). The
// key is checked against /U, so a file that needs a real password is
// recognised and refused instead of being signed with garbage.

export type CipherKind = "rc4" | "aes128" | "aes256" | "none";
export interface FileKey { key: Uint8Array; stm: CipherKind; str: CipherKind; revision: number }

const PAD = Uint8Array.from([
  0x28, 0xbf, 0x4e, 0x5e, 0x4e, 0x75, 0x8a, 0x41, 0x64, 0x00, 0x4e, 0x56, 0xff, 0xfa, 0x01, 0x08,
  0x2e, 0x2e, 0x00, 0xb6, 0xd0, 0x68, 0x3e, 0x80, 0x2f, 0x0c, 0xa9, 0xfe, 0x64, 0x53, 0x69, 0x7a,
]);

export function stringBytes(o: unknown): Uint8Array {
  if (o instanceof PDFString || o instanceof PDFHexString) return o.asBytes();
  return new Uint8Array(0);
}
const numOf = (d: PDFDict, k: string, dflt: number) => {
  const v = d.get(PDFName.of(k));
  return v instanceof PDFNumber ? v.asNumber() : dflt;
};

export function deriveFileKey(encrypt: PDFDict, id0: Uint8Array, password = ""): FileKey {
  const filter = encrypt.get(PDFName.of("Filter"));
  if (filter !== PDFName.of("Standard")) {
    throw pdfError("PDF_ENCRYPTION_UNSUPPORTED", "the PDF uses a non-standard (e.g. certificate) security handler");
  }
  const v = numOf(encrypt, "V", 0);
  const r = numOf(encrypt, "R", 0);
  const o = stringBytes(encrypt.get(PDFName.of("O")));
  const u = stringBytes(encrypt.get(PDFName.of("U")));
  const pw = new TextEncoder().encode(password);
  if (r === 5 || r === 6) {
    const ue = stringBytes(encrypt.get(PDFName.of("UE")));
    const check = hashR6(pw.subarray(0, 127), u.subarray(32, 40), r);
    if (!equal(check, u.subarray(0, 32))) throw needPassword(password);
    const ik = hashR6(pw.subarray(0, 127), u.subarray(40, 48), r);
    const d = createDecipheriv("aes-256-cbc", ik, Buffer.alloc(16));
    d.setAutoPadding(false);
    const key = new Uint8Array(Buffer.concat([d.update(ue), d.final()]));
    return { key, ...filters(encrypt, v), revision: r };
  }
  if (r < 2 || r > 4) throw pdfError("PDF_ENCRYPTION_UNSUPPORTED", `unsupported security handler revision ${r}`);
  const n = r === 2 ? 5 : numOf(encrypt, "Length", 40) / 8;
  const p = numOf(encrypt, "P", 0);
  const h = createHash("md5").update(pad(pw)).update(o).update(Uint8Array.from([p & 0xff, (p >> 8) & 0xff, (p >> 16) & 0xff, (p >>> 24) & 0xff])).update(id0);
  const em = encrypt.get(PDFName.of("EncryptMetadata"));
  if (r >= 4 && em instanceof PDFBool && !em.asBoolean()) h.update(Uint8Array.from([255, 255, 255, 255]));
  let key = new Uint8Array(h.digest()).subarray(0, n);
  if (r >= 3) for (let i = 0; i < 50; i++) key = new Uint8Array(createHash("md5").update(key).digest()).subarray(0, n);
  let ok: boolean;
  if (r === 2) ok = equal(rc4(key, PAD), u);
  else {
    let x = rc4(key, new Uint8Array(createHash("md5").update(PAD).update(id0).digest()));
    for (let i = 1; i <= 19; i++) x = rc4(key.map((b) => b ^ i), x);
    ok = equal(x, u.subarray(0, 16));
  }
  if (!ok) throw needPassword(password);
  return { key, ...filters(encrypt, v), revision: r };
}

function filters(encrypt: PDFDict, v: number): { stm: CipherKind; str: CipherKind } {
  if (v < 4) return { stm: "rc4", str: "rc4" };
  const cf = encrypt.lookup(PDFName.of("CF"));
  const kind = (name: unknown): CipherKind => {
    if (!(name instanceof PDFName) || name === PDFName.of("Identity")) return "none";
    const f = cf instanceof PDFDict ? cf.lookup(name) : undefined;
    const cfm = f instanceof PDFDict ? f.get(PDFName.of("CFM")) : undefined;
    if (cfm === PDFName.of("V2")) return "rc4";
    if (cfm === PDFName.of("AESV2")) return "aes128";
    if (cfm === PDFName.of("AESV3")) return "aes256";
    if (cfm === undefined || cfm === PDFName.of("None")) return "none";
    throw pdfError("PDF_ENCRYPTION_UNSUPPORTED", `unsupported crypt filter method ${String(cfm)}`);
  };
  return { stm: kind(encrypt.get(PDFName.of("StmF"))), str: kind(encrypt.get(PDFName.of("StrF"))) };
}

const needPassword = (password: string) =>
  pdfError("PDF_PASSWORD_REQUIRED", password ? "the password does not open this PDF" : "this PDF needs a password to open");

function pad(pw: Uint8Array): Uint8Array {
  const out = new Uint8Array(32);
  out.set(pw.subarray(0, 32));
  out.set(PAD.subarray(0, Math.max(0, 32 - pw.length)), Math.min(32, pw.length));
  return out;
}

function equal(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Algorithm 2.B (R6) / plain SHA-256 (R5), user-password variant (no /U mixed in). */
function hashR6(pw: Uint8Array, salt: Uint8Array, r: number): Uint8Array {
  let k = new Uint8Array(createHash("sha256").update(pw).update(salt).digest());
  if (r === 5) return k;
  for (let round = 0; ; round++) {
    const k1 = Buffer.concat(Array.from({ length: 64 }, () => Buffer.concat([pw, k])));
    const c = encryptAes128Cbc(k.subarray(0, 16), k.subarray(16, 32), k1);
    let mod = 0;
    for (let i = 0; i < 16; i++) mod += c[i];
    const alg = ["sha256", "sha384", "sha512"][mod % 3];
    k = new Uint8Array(createHash(alg).update(c).digest());
    if (round >= 63 && c[c.length - 1] <= round - 32) break;
  }
  return k.subarray(0, 32);
}

function encryptAes128Cbc(key: Uint8Array, iv: Uint8Array, data: Uint8Array): Uint8Array {
  // Algorithm 2.B *encrypts* with AES-128-CBC, no padding.
  const c = createCipheriv("aes-128-cbc", key, iv);
  c.setAutoPadding(false);
  return new Uint8Array(Buffer.concat([c.update(data), c.final()]));
}
