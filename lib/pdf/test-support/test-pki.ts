import { createPrivateKey, generateKeyPairSync, sign, X509Certificate, type KeyObject } from "node:crypto";
import { readFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { PdfSigner } from "../types";
import { SHARED } from "./shared-dir";

// Test-only PKI: the pdfcheck test root → intermediate → "Alice", and helpers
// to mint more signers under the same intermediate (for chains of N signers).

export const TESTDATA = `${SHARED}/tools/pdfcheck/testdata`;
export const ROOT_PEM = `${TESTDATA}/root-ca.pem`;

const pemToDer = (pem: string) => new Uint8Array(new X509Certificate(pem).raw);
export const rootDer = () => pemToDer(readFileSync(ROOT_PEM, "utf8"));

export function signerFrom(key: KeyObject, chain: Uint8Array[], keyAlgorithm: "rsa" | "ec" = "rsa"): PdfSigner {
  return {
    certificateChain: chain,
    keyAlgorithm,
    async sign(data) {
      return new Uint8Array(sign("sha256", data, key));
    },
  };
}

export function aliceSigner(): PdfSigner {
  const key = createPrivateKey(readFileSync(`${TESTDATA}/user.key`));
  return signerFrom(key, [pemToDer(readFileSync(`${TESTDATA}/user.pem`, "utf8")), pemToDer(readFileSync(`${TESTDATA}/inter-ca.pem`, "utf8"))]);
}

/** A fresh end-entity certificate issued by the test intermediate with `openssl x509 -req` (RSA or EC key). */
export function mintSigner(commonName: string, keyAlgorithm: "rsa" | "ec" = "rsa"): PdfSigner {
  const pair = keyAlgorithm === "rsa"
    ? generateKeyPairSync("rsa", { modulusLength: 2048 })
    : generateKeyPairSync("ec", { namedCurve: "P-256" });
  const dir = mkdtempSync(join(tmpdir(), "pdf-pki-"));
  writeFileSync(join(dir, "k.pem"), pair.privateKey.export({ type: "pkcs8", format: "pem" }));
  execFileSync("openssl", ["req", "-new", "-key", join(dir, "k.pem"), "-subj", `/O=pdfcheck test/CN=${commonName}`, "-out", join(dir, "c.csr")], { stdio: "pipe" });
  execFileSync("openssl", ["x509", "-req", "-in", join(dir, "c.csr"), "-CA", `${TESTDATA}/inter-ca.pem`, "-CAkey", `${TESTDATA}/inter-ca.key`,
    "-set_serial", String(Date.now() * 1000 + Math.floor(Math.random() * 1000)), "-days", "365", "-extfile", `${TESTDATA}/ext.cnf`, "-extensions", "user",
    "-out", join(dir, "c.pem")], { stdio: "pipe" });
  const der = pemToDer(readFileSync(join(dir, "c.pem"), "utf8"));
  rmSync(dir, { recursive: true, force: true });
  return signerFrom(pair.privateKey, [der, pemToDer(readFileSync(`${TESTDATA}/inter-ca.pem`, "utf8"))], keyAlgorithm);
}
