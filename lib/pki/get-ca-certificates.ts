import type { CertificateAuthority } from "./load-ca";
import { toPem } from "./x509/parse-certificate";

export interface CaCertificates {
  root: { der: Buffer; pem: string };
  issuing: { der: Buffer; pem: string };
  /** Issuing then root, PEM: for trust-store imports and `openssl verify -untrusted`. */
  chainPem: string;
}

/**
 * For GET /api/pki/ca. The AIA caIssuers URL in user certificates points
 * there, and AIA fetchers expect one DER certificate (application/pkix-cert):
 * serve `issuing.der` by default, `root.der` for ?cert=root, `chainPem` for ?format=pem.
 */
export function getCaCertificates(ca: CertificateAuthority): CaCertificates {
  const root = { der: ca.root.der, pem: toPem(ca.root.der) };
  const issuing = { der: ca.issuing.der, pem: toPem(ca.issuing.der) };
  return { root, issuing, chainPem: issuing.pem + root.pem };
}
