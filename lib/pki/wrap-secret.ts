// Envelope encryption under the master key: AES-256-GCM, one random IV per
// secret. The stored form is a single ASCII string so any column type works:
//
//   mk1.<purpose>.<keyId>.<base64url(iv ‖ ciphertext ‖ tag)>
//
// The prefix is authenticated (GCM AAD), so a secret cannot be passed off as
// one of another purpose (a CA key as a grant key, …) or another key id.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { AppError } from "@/lib/errors";
import type { MasterKeyRing } from "./master-keys";

export type WrappedSecret = string;

/**
 * A stored secret that is malformed, fails authentication or is used for the
 * wrong purpose. Not an AppError on purpose: it means tampering or a bug, an
 * unexpected fault that is logged, never shown.
 */
export class SecretIntegrityError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "SecretIntegrityError";
  }
}
export type SecretPurpose = "ca-key" | "pseudonym-key" | "user-key" | "grant-key" | "evidence-key" | "personal-data";

const FORMAT = "mk1";
const PATTERN = /^mk1\.([a-z-]+)\.([0-9a-f]{16})\.([A-Za-z0-9_-]+)$/;

export interface SecretHeader {
  purpose: SecretPurpose;
  keyId: string;
}

export function readSecretHeader(wrapped: WrappedSecret): SecretHeader {
  const m = PATTERN.exec(wrapped);
  if (!m) throw new SecretIntegrityError("not a wrapped secret");
  return { purpose: m[1] as SecretPurpose, keyId: m[2] };
}

export function wrapSecret(ring: MasterKeyRing, purpose: SecretPurpose, plaintext: Buffer): WrappedSecret {
  const { id, key } = ring.current;
  const header = `${FORMAT}.${purpose}.${id}`;
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(header, "ascii"));
  const ct = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return `${header}.${Buffer.concat([iv, ct, cipher.getAuthTag()]).toString("base64url")}`;
}

export function unwrapSecret(ring: MasterKeyRing, purpose: SecretPurpose, wrapped: WrappedSecret): Buffer {
  const m = PATTERN.exec(wrapped);
  if (!m) throw new SecretIntegrityError("not a wrapped secret");
  if (m[1] !== purpose) throw new SecretIntegrityError(`wrapped secret is a ${m[1]}, expected ${purpose}`);
  const mk = ring.byId.get(m[2]);
  if (!mk) {
    throw new AppError("MASTER_KEY_UNKNOWN", `secret was wrapped by master key ${m[2]}, which is neither MASTER_KEY nor in MASTER_KEYS_OLD`, {
      params: { keyId: m[2] },
    });
  }
  const blob = Buffer.from(m[3], "base64url");
  if (blob.length < 28) throw new SecretIntegrityError("wrapped secret too short");
  try {
    const decipher = createDecipheriv("aes-256-gcm", mk.key, blob.subarray(0, 12));
    decipher.setAAD(Buffer.from(`${FORMAT}.${m[1]}.${m[2]}`, "ascii"));
    decipher.setAuthTag(blob.subarray(blob.length - 16));
    return Buffer.concat([decipher.update(blob.subarray(12, blob.length - 16)), decipher.final()]);
  } catch (cause) {
    throw new SecretIntegrityError("wrapped secret failed authentication", { cause });
  }
}

/**
 * Re-encrypts a secret under the current master key. Returns null when it is
 * already under the current key, so callers can skip the write.
 */
export function rewrapSecret(ring: MasterKeyRing, wrapped: WrappedSecret): WrappedSecret | null {
  const { purpose, keyId } = readSecretHeader(wrapped);
  if (keyId === ring.current.id) return null;
  const plain = unwrapSecret(ring, purpose, wrapped);
  try {
    return wrapSecret(ring, purpose, plain);
  } finally {
    plain.fill(0);
  }
}
