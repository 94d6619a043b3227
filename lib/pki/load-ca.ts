// The long-lived, in-process view of the CA: parsed certificates and, on first
// use, the unwrapped signing keys. Build it once per process (ensureCa) and keep
// it: OCSP/TSA responders then pay the master-key unwrap once, not per request.
import { createPrivateKey, type KeyObject } from "node:crypto";
import { signerFor, type Signer } from "./keys";
import type { MasterKeyRing } from "./master-keys";
import type { CaMaterial } from "./store";
import { pkiUrls, type PkiUrls } from "./urls";
import { unwrapSecret } from "./wrap-secret";
import { parseCertificate, type ParsedCertificate } from "./x509/parse-certificate";

export type CaRole = "issuing" | "tsa" | "ocsp";

export interface CertificateAuthority {
  root: ParsedCertificate;
  issuing: ParsedCertificate;
  tsa: ParsedCertificate;
  ocsp: ParsedCertificate;
  urls: PkiUrls;
  /** Signer for a role's key (unwrapped on first call, then cached). The root key is never unwrapped at run time. */
  signer(role: CaRole): Signer;
  /** HMAC key for subject pseudonyms. */
  pseudonymKey(): Buffer;
}

export function loadCa(opts: { material: CaMaterial; masterKeys: MasterKeyRing; baseUrl: string }): CertificateAuthority {
  const { material, masterKeys } = opts;
  const cert = (b64: string) => parseCertificate(Buffer.from(b64, "base64"));
  const signers = new Map<CaRole, Signer>();
  let pseudonym: Buffer | undefined;
  return {
    root: cert(material.root.certificate),
    issuing: cert(material.issuing.certificate),
    tsa: cert(material.tsa.certificate),
    ocsp: cert(material.ocsp.certificate),
    urls: pkiUrls(opts.baseUrl),
    signer(role) {
      let s = signers.get(role);
      if (!s) {
        const pkcs8 = unwrapSecret(masterKeys, "ca-key", material[role].privateKey);
        const key: KeyObject = createPrivateKey({ key: pkcs8, format: "der", type: "pkcs8" });
        pkcs8.fill(0);
        s = signerFor(key);
        signers.set(role, s);
      }
      return s;
    },
    pseudonymKey() {
      pseudonym ??= unwrapSecret(masterKeys, "pseudonym-key", material.pseudonymKey);
      return pseudonym;
    },
  };
}
