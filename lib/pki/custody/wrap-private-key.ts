// The two layers around a user's PKCS#8 private key:
//   inner: AES-256-GCM under scrypt(PIN, per-key salt)  — needs the user
//   outer: AES-256-GCM under the master key (wrapSecret) — needs the server
// A database dump alone opens neither; the master key alone opens only the
// outer layer; rotating the master key re-wraps the outer layer without a PIN.
import { createCipheriv, createDecipheriv, createHash, randomBytes, scrypt as scryptCb } from "node:crypto";
import type { MasterKeyRing } from "../master-keys";
import { unwrapSecret, wrapSecret, type WrappedSecret } from "../wrap-secret";

export interface ScryptCost {
  /** log2 of N. 15 → N = 32768, 32 MiB with r = 8: ~50–100 ms per try on a server core. */
  log2N: number;
  r: number;
  p: number;
}
export const DEFAULT_SCRYPT: ScryptCost = { log2N: 15, r: 8, p: 1 };

const VERSION = 1;
const HEADER = 4 + 16 + 12 + 16; // version, log2N, r, p | salt | iv | tag

function scrypt(pin: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  const N = 2 ** cost.log2N;
  return new Promise((resolve, reject) =>
    scryptCb(pin.normalize("NFKC"), salt, 32, { N, r: cost.r, p: cost.p, maxmem: 256 * N * cost.r }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

/** Binds the ciphertext to its public key, so a blob cannot be moved to another record. */
const aadFor = (publicKeySpki: Buffer) =>
  Buffer.concat([Buffer.from("cloudsign/user-key/v1\0"), createHash("sha256").update(publicKeySpki).digest()]);

export async function wrapPrivateKey(opts: {
  pkcs8: Buffer;
  pin: string;
  publicKeySpki: Buffer;
  masterKeys: MasterKeyRing;
  cost?: ScryptCost;
}): Promise<WrappedSecret> {
  const cost = opts.cost ?? DEFAULT_SCRYPT;
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const key = await scrypt(opts.pin, salt, cost);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(aadFor(opts.publicKeySpki));
  const ct = Buffer.concat([cipher.update(opts.pkcs8), cipher.final()]);
  key.fill(0);
  const inner = Buffer.concat([Buffer.from([VERSION, cost.log2N, cost.r, cost.p]), salt, iv, cipher.getAuthTag(), ct]);
  return wrapSecret(opts.masterKeys, "user-key", inner);
}

/** Returns the PKCS#8 bytes (caller zeroes them), or null when the PIN is wrong. */
export async function unwrapPrivateKey(opts: {
  wrapped: WrappedSecret;
  pin: string;
  publicKeySpki: Buffer;
  masterKeys: MasterKeyRing;
}): Promise<Buffer | null> {
  const inner = unwrapSecret(opts.masterKeys, "user-key", opts.wrapped);
  if (inner.length <= HEADER || inner[0] !== VERSION) throw new Error("unsupported key blob");
  const cost = { log2N: inner[1], r: inner[2], p: inner[3] };
  const key = await scrypt(opts.pin, inner.subarray(4, 20), cost);
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, inner.subarray(20, 32));
    decipher.setAAD(aadFor(opts.publicKeySpki));
    decipher.setAuthTag(inner.subarray(32, 48));
    return Buffer.concat([decipher.update(inner.subarray(HEADER)), decipher.final()]);
  } catch {
    return null; // GCM authentication failed: wrong PIN
  } finally {
    key.fill(0);
  }
}
