// Shared fixtures for lib/pki tests: one CA per test file, a temp directory,
// and the openssl CLI as an independent checker. Not part of the public API.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createLocalKeyCustody } from "./custody/local-custody";
import { ensureCa } from "./ensure-ca";
import { createMasterKeyRing } from "./master-keys";
import { MemoryPkiStore } from "./memory-store";
import { toPem } from "./x509/parse-certificate";

export const BASE_URL = "http://localhost:3000";
/** A valid-looking 18-digit resident ID (birth date 1990-03-15). */
export const ID_NUMBER = "11010519900315123X";

export interface OpensslResult {
  status: number;
  stdout: string;
  stderr: string;
  out: string;
}

export function openssl(args: string[], input?: Buffer): OpensslResult {
  const r = spawnSync("openssl", args, { input, encoding: "buffer", timeout: 20_000 });
  const stdout = r.stdout?.toString("utf8") ?? "";
  const stderr = r.stderr?.toString("utf8") ?? "";
  return { status: r.status ?? -1, stdout, stderr, out: stdout + stderr };
}

export async function createFixture(opts: { rootKeyAlgorithm?: "P-384" | "RSA-4096" } = {}) {
  const dir = mkdtempSync(join(tmpdir(), "pki-test-"));
  const masterKeys = createMasterKeyRing(randomBytes(32));
  const store = new MemoryPkiStore();
  const ca = await ensureCa({ store, masterKeys, baseUrl: BASE_URL, rootKeyAlgorithm: opts.rootKeyAlgorithm });
  // Cheap scrypt keeps custody tests fast; the production cost is tested separately.
  const custody = createLocalKeyCustody({ masterKeys, scryptCost: { log2N: 10, r: 8, p: 1 } });
  const file = (name: string, data: Buffer | string) => {
    const p = join(dir, name);
    writeFileSync(p, data);
    return p;
  };
  const rootPem = file("root.pem", toPem(ca.root.der));
  const issuingPem = file("issuing.pem", toPem(ca.issuing.der));
  const chainPem = file("chain.pem", toPem(ca.issuing.der) + toPem(ca.root.der));
  return { dir, masterKeys, store, ca, custody, file, rootPem, issuingPem, chainPem };
}

export type Fixture = Awaited<ReturnType<typeof createFixture>>;

/** Issues a certificate for a fresh key of `subjectRef`. */
export async function issueFor(f: Fixture, subjectRef: string, extra: { algorithm?: "RSA-2048" | "P-256"; validityDays?: number } = {}) {
  const { issueCertificate } = await import("./issue-certificate");
  const { record: keyRecord, publicKey } = await f.custody.generateKey({ pin: "802417", algorithm: extra.algorithm, pinContext: { idNumber: ID_NUMBER } });
  const issued = await issueCertificate({
    ca: f.ca,
    store: f.store,
    subjectRef,
    realName: "张三",
    idNumber: ID_NUMBER,
    organisation: "中山大学",
    role: "评审专家",
    publicKey,
    validityDays: extra.validityDays,
  });
  return { ...issued, keyRecord, pem: f.file(`${issued.record.serialHex}.pem`, toPem(issued.der)) };
}
