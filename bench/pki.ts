// PKI benchmark: how close our private-key paths come to raw OpenSSL.
//   npx tsx bench/pki.ts            (npm run bench:pki)
// Prints one table. The OpenSSL baseline is measured in the same run with
// `openssl speed -seconds 3 rsa2048` (single core, like the loops below).
// Targets: grant-path signing ≥ 50 % of OpenSSL RSA-2048 sign/s; TSA and OCSP ≥ 40 %.
import { execFileSync } from "node:child_process";
import { randomBytes, scrypt } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import {
  createLocalKeyCustody,
  createMasterKeyRing,
  createOcspResponder,
  createTimestampResponder,
  DEFAULT_SCRYPT,
  ensureCa,
  issueCertificate,
  MemoryPkiStore,
  toPem,
} from "@/lib/pki";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);

function opensslRsa2048SignsPerSecond(): number {
  const out = execFileSync("openssl", ["speed", "-seconds", "3", "rsa2048"], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  // "rsa 2048 bits 0.000653s 0.000019s   1531.2  52343.0"
  const m = /^rsa\s+2048 bits\s+[\d.]+s\s+[\d.]+s\s+([\d.]+)\s+[\d.]+/m.exec(out);
  if (!m) throw new Error(`could not parse openssl speed output:\n${out}`);
  return Number(m[1]);
}

/** Runs `op` repeatedly for about `seconds` (at least `minOps` times); returns ops/s. */
async function measure(op: () => unknown, seconds = SECONDS, minOps = 5): Promise<number> {
  for (let i = 0; i < 3; i++) await op(); // warm-up
  const start = performance.now();
  let n = 0;
  while (n < minOps || performance.now() - start < seconds * 1000) {
    await op();
    n++;
  }
  return (n * 1000) / (performance.now() - start);
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), "pki-bench-"));
  const masterKeys = createMasterKeyRing(randomBytes(32));
  const store = new MemoryPkiStore();
  const ca = await ensureCa({ store, masterKeys, baseUrl: "http://localhost:3000" });
  const custody = createLocalKeyCustody({ masterKeys }); // production scrypt cost
  const pin = "802417";
  const data = randomBytes(100); // ~ the size of CMS signed attributes

  process.stderr.write("openssl speed rsa2048 …\n");
  const opensslBefore = opensslRsa2048SignsPerSecond();

  process.stderr.write("issuing certificates …\n");
  let userN = 0;
  const issue = await measure(async () => {
    const { publicKey } = await custody.generateKey({ pin });
    await issueCertificate({ ca, store, subjectRef: `bench-${userN++}`, realName: "张三", idNumber: "11010519900315123X", organisation: "中山大学", role: "评审专家", publicKey });
  }, SECONDS + 2);

  const { record } = await custody.generateKey({ pin });
  process.stderr.write("scrypt alone …\n");
  const N = 2 ** DEFAULT_SCRYPT.log2N;
  const scryptOps = await measure(
    () => new Promise((res, rej) => scrypt(pin, randomBytes(16), 32, { N, r: DEFAULT_SCRYPT.r, p: DEFAULT_SCRYPT.p, maxmem: 256 * N * DEFAULT_SCRYPT.r }, (e, k) => (e ? rej(e) : res(k)))),
  );
  process.stderr.write("signing with PIN …\n");
  let current = record;
  const pinSign = await measure(async () => {
    const o = await custody.signWithPin({ record: current, pin, data });
    if (!o.ok) throw o.error;
    current = o.record;
  });

  process.stderr.write("signing with grant key …\n");
  const grant = await custody.unlockWithPin({ record: current, pin, grant: true });
  if (!grant.ok) throw grant.error;
  const grantKey = grant.value.grantKey!;
  const grantSign = await measure(() => custody.signWithGrantKey({ grantKey, data }));
  // Cold path: unwrap + PKCS#8 parse + first-use RSA set-up on every call (cache disabled).
  const coldCustody = createLocalKeyCustody({ masterKeys, grantKeyCache: false });
  const grantSignCold = await measure(() => coldCustody.signWithGrantKey({ grantKey, data }));

  process.stderr.write("TSA …\n");
  const tsa = createTimestampResponder({ ca });
  const docPath = join(dir, "doc.pdf");
  writeFileSync(docPath, randomBytes(4096));
  execFileSync("openssl", ["ts", "-query", "-data", docPath, "-sha256", "-cert", "-out", join(dir, "q.tsq")]);
  const tsq = readFileSync(join(dir, "q.tsq"));
  const tsaOps = await measure(() => tsa.respond(tsq));

  process.stderr.write("OCSP …\n");
  const ocsp = createOcspResponder({ ca, store });
  const cert = (await store.listCertificatesBySubject("bench-0"))[0];
  writeFileSync(join(dir, "issuing.pem"), toPem(ca.issuing.der));
  writeFileSync(join(dir, "user.pem"), toPem(Buffer.from(cert.der, "base64")));
  execFileSync("openssl", ["ocsp", "-issuer", join(dir, "issuing.pem"), "-cert", join(dir, "user.pem"), "-reqout", join(dir, "req.der")]);
  const ocspReq = readFileSync(join(dir, "req.der"));
  const ocspOps = await measure(() => ocsp.respond(ocspReq));

  // Measured again at the end: on a shared machine the load changes during the run, so % uses the mean.
  process.stderr.write("openssl speed rsa2048 again …\n");
  const opensslAfter = opensslRsa2048SignsPerSecond();
  const openssl = (opensslBefore + opensslAfter) / 2;

  const pct = (ops: number) => `${((ops / openssl) * 100).toFixed(1)} %`;
  const row = (name: string, ops: number, target = "") => [name, ops.toFixed(1), pct(ops), target];
  const rows = [
    ["operation", "ops/s", "% of OpenSSL", "target"],
    row("openssl speed rsa2048 sign = baseline (mean of 2)", openssl),
    row("  openssl at the start of the run", opensslBefore),
    row("  openssl at the end of the run", opensslAfter),
    row("issue certificate (RSA-2048 keygen + PIN wrap + sign)", issue),
    row("sign with PIN (scrypt + unwrap + sign)", pinSign),
    row(`  of which scrypt alone (N=2^${DEFAULT_SCRYPT.log2N}, r=${DEFAULT_SCRYPT.r})`, scryptOps),
    row("sign with grant key (master key only, steady state)", grantSign, "≥ 50 %"),
    row("  grant key, cold: unwrap + parse + sign every call", grantSignCold),
    row("TSA tokens (in-process, RSA-2048 TSA key)", tsaOps, "≥ 40 %"),
    row("OCSP responses (in-process, RSA-2048 responder)", ocspOps, "≥ 40 %"),
  ];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r: string[]) => `| ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(" | ")} |`;
  console.log(line(rows[0]));
  console.log(`|${widths.map((w, i) => (i === 0 ? "-".repeat(w + 2) : "-".repeat(w + 1) + ":")).join("|")}|`);
  for (const r of rows.slice(1)) console.log(line(r));
  console.log(
    `\nscrypt cost per PIN check: ${(1000 / scryptOps).toFixed(1)} ms; node ${process.version}; ` +
      `load average ${loadavg().map((l) => l.toFixed(2)).join(" ")} on ${cpus().length} cores; ${new Date().toISOString()}`,
  );
  const ok = grantSign / openssl >= 0.5 && tsaOps / openssl >= 0.4 && ocspOps / openssl >= 0.4;
  console.log(ok ? "targets met" : "TARGETS MISSED");
  process.exitCode = ok ? 0 : 1;
}

await main();
