import { createHmac } from "node:crypto";
import type { CertificateAuthority } from "./load-ca";

/**
 * The subject's serialNumber attribute: a stable pseudonym, never the ID number.
 * HMAC-SHA256 under the CA's pseudonym key (random, wrapped by the master key,
 * so it survives master-key rotation and renewals keep the same pseudonym).
 * 128 bits, upper-case hex with a version prefix: relying parties can link one
 * person's certificates without learning who it is.
 */
export function derivePseudonym(ca: CertificateAuthority, idNumber: string): string {
  const normalised = idNumber.trim().toUpperCase();
  if (!normalised) throw new Error("empty ID number");
  const mac = createHmac("sha256", ca.pseudonymKey()).update(`cloudsign/pseudonym/v1\0${normalised}`).digest();
  return `PSN1-${mac.subarray(0, 16).toString("hex").toUpperCase()}`;
}
