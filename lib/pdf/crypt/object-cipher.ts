import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import type { CipherKind, FileKey } from "./derive-file-key";
import { rc4 } from "./rc4";

// Per-object encryption (ISO 32000-2 §7.6.3.2 algorithm 1 and 1.A): new
// objects written into an encrypted document are encrypted with a key
// derived from the file key and the object's own number and generation.

function objectKey(fk: FileKey, kind: CipherKind, num: number, gen: number): Uint8Array {
  if (kind === "aes256") return fk.key;
  const h = createHash("md5")
    .update(fk.key)
    .update(Uint8Array.from([num & 0xff, (num >> 8) & 0xff, (num >> 16) & 0xff, gen & 0xff, (gen >> 8) & 0xff]));
  if (kind === "aes128") h.update("sAlT");
  return new Uint8Array(h.digest()).subarray(0, Math.min(fk.key.length + 5, 16));
}

export function encryptBytes(fk: FileKey, what: "stm" | "str", num: number, gen: number, data: Uint8Array): Uint8Array {
  const kind = fk[what];
  if (kind === "none") return data;
  const key = objectKey(fk, kind, num, gen);
  if (kind === "rc4") return rc4(key, data);
  const iv = randomBytes(16);
  const c = createCipheriv(kind === "aes256" ? "aes-256-cbc" : "aes-128-cbc", key, iv);
  return new Uint8Array(Buffer.concat([iv, c.update(data), c.final()]));
}

export function decryptBytes(fk: FileKey, what: "stm" | "str", num: number, gen: number, data: Uint8Array): Uint8Array {
  const kind = fk[what];
  if (kind === "none") return data;
  const key = objectKey(fk, kind, num, gen);
  if (kind === "rc4") return rc4(key, data);
  if (data.length < 32 || data.length % 16 !== 0) return data; // not AES output: leave as is rather than fail
  try {
    const d = createDecipheriv(kind === "aes256" ? "aes-256-cbc" : "aes-128-cbc", key, data.subarray(0, 16));
    return new Uint8Array(Buffer.concat([d.update(data.subarray(16)), d.final()]));
  } catch {
    return data;
  }
}
