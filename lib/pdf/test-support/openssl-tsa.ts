import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { PdfTimestamper } from "../types";
import { TESTDATA } from "./test-pki";

// A real, independent RFC 3161 implementation for tests: `openssl ts -reply`
// with the pdfcheck test TSA key. Returns the TimeStampToken (ContentInfo).

export function opensslTimestamper(): PdfTimestamper {
  const dir = mkdtempSync(join(tmpdir(), "pdf-tsa-"));
  writeFileSync(join(dir, "serial"), "01\n");
  writeFileSync(join(dir, "tsa.cnf"), `
[ tsa ]
default_tsa = tsa1
[ tsa1 ]
serial = ${dir}/serial
crypto_device = builtin
signer_cert = ${TESTDATA}/tsa.pem
signer_key = ${TESTDATA}/tsa.key
certs = ${TESTDATA}/root-ca.pem
signer_digest = sha256
default_policy = 1.2.3.4.1
digests = sha256, sha384, sha512
accuracy = secs:1
ordering = yes
tsa_name = yes
ess_cert_id_chain = no
ess_cert_id_alg = sha256
`);
  return async (digest) => {
    const q = join(dir, "q.tsq");
    const t = join(dir, "t.der");
    execFileSync("openssl", ["ts", "-query", "-digest", Buffer.from(digest).toString("hex"), "-sha256", "-cert", "-out", q]);
    execFileSync("openssl", ["ts", "-reply", "-config", join(dir, "tsa.cnf"), "-queryfile", q, "-token_out", "-out", t], { stdio: "pipe" });
    return new Uint8Array(readFileSync(t));
  };
}
