import { children, readNode } from "./der";

/** The pieces of an X.509 certificate that CMS needs verbatim. */
export function readCertificateIds(certDer: Uint8Array): { issuer: Uint8Array; serial: Uint8Array; subject: Uint8Array } {
  const tbs = children(readNode(certDer))[0];
  const f = children(tbs);
  const i = f[0].tag === 0xa0 ? 1 : 0; // optional [0] version
  return { serial: f[i].bytes, issuer: f[i + 2].bytes, subject: f[i + 4].bytes };
}
