// Key algorithms and signing. Every private-key operation goes through Node's
// crypto (OpenSSL); node-forge never sees a private key.
import { createHash, generateKeyPair, sign, type KeyObject } from "node:crypto";
import { promisify } from "node:util";
import { nullDer, oid, seq, type Der } from "./asn1/der";
import { OID, type HashName } from "./asn1/oids";

export type KeyAlgorithm = "RSA-2048" | "RSA-3072" | "RSA-4096" | "P-256" | "P-384";
export const KEY_ALGORITHMS: readonly KeyAlgorithm[] = ["RSA-2048", "RSA-3072", "RSA-4096", "P-256", "P-384"];

const generateKeyPairAsync = promisify(generateKeyPair);

export interface KeyPair {
  privateKey: KeyObject;
  publicKey: KeyObject;
}

/** Generates a key pair off the main thread (libuv pool), so RSA keygen does not block requests. */
export async function generateKeys(algorithm: KeyAlgorithm): Promise<KeyPair> {
  if (algorithm.startsWith("RSA-")) {
    return generateKeyPairAsync("rsa", { modulusLength: Number(algorithm.slice(4)), publicExponent: 0x10001 });
  }
  return generateKeyPairAsync("ec", { namedCurve: algorithm });
}

export const spkiDer = (publicKey: KeyObject): Buffer => publicKey.export({ type: "spki", format: "der" }) as Buffer;

/** What a signature by `key` looks like on the wire, plus a function that makes one. */
export interface Signer {
  hash: HashName;
  /** AlgorithmIdentifier for X.509 / OCSP / CRL signatureAlgorithm fields. */
  algorithmIdentifier: Der;
  sign(data: Buffer): Buffer;
}

/** RSA → SHA-256 PKCS#1 v1.5; P-256 → ECDSA-SHA256; P-384 → ECDSA-SHA384 (hash strength matches the curve). */
export function signerFor(privateKey: KeyObject): Signer {
  if (privateKey.asymmetricKeyType === "rsa") {
    return {
      hash: "sha256",
      algorithmIdentifier: seq(oid(OID.sha256WithRSA), nullDer()),
      sign: (data) => sign("sha256", data, privateKey),
    };
  }
  if (privateKey.asymmetricKeyType === "ec") {
    const curve = privateKey.asymmetricKeyDetails?.namedCurve;
    const hash: HashName = curve === "secp384r1" ? "sha384" : curve === "secp521r1" ? "sha512" : "sha256";
    const algOid = hash === "sha384" ? OID.ecdsaWithSHA384 : hash === "sha512" ? OID.ecdsaWithSHA512 : OID.ecdsaWithSHA256;
    // Node returns ECDSA signatures DER-encoded (Ecdsa-Sig-Value), as X.509 and CMS want.
    return { hash, algorithmIdentifier: seq(oid(algOid)), sign: (data) => sign(hash, data, privateKey) };
  }
  throw new Error(`unsupported key type ${privateKey.asymmetricKeyType}`);
}

export function keyAlgorithmOf(key: KeyObject): KeyAlgorithm {
  if (key.asymmetricKeyType === "rsa") return `RSA-${key.asymmetricKeyDetails?.modulusLength}` as KeyAlgorithm;
  const curve = key.asymmetricKeyDetails?.namedCurve;
  if (curve === "prime256v1") return "P-256";
  if (curve === "secp384r1") return "P-384";
  throw new Error(`unsupported key ${key.asymmetricKeyType} ${curve ?? ""}`);
}

export const hashOf = (alg: HashName, data: Buffer): Buffer => createHash(alg).update(data).digest();
