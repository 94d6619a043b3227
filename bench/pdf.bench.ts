/**
 * PDF signing benchmark: our incremental signer vs. Node's SHA-256 of the same
 * bytes (the floor: any signer must at least hash the file) vs. @signpdf with
 * its pdf-lib placeholder (the peer). Each case runs in its own child process
 * so that peak RSS belongs to that case alone. TSA excluded (B-B signatures).
 *
 *   npx tsx bench/pdf.bench.ts            (npm run bench:pdf)
 *   npx tsx bench/pdf.bench.ts --quick    (fewer iterations)
 */
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const DIR = join(tmpdir(), "cloudsign-pdf-bench");
type Impl = "ours" | "ours+copy" | "sha256" | "signpdf";
const CASES = [
  { name: "10 pages", file: "p10.pdf", gen: { pages: 10 }, iters: 300, target: "≤ 10 ms median, ≥ 200/s" },
  { name: "10 pages, visible (PNG + CJK text)", file: "p10.pdf", gen: { pages: 10 }, iters: 200, target: "(appearance: font subset + PNG)", visible: true },
  { name: "1,000 pages (classic xref)", file: "p1000.pdf", gen: { pages: 1000 }, iters: 60, target: "≤ 60 ms" },
  { name: "1,000 pages (xref stream)", file: "p1000s.pdf", gen: { pages: 1000, objectStreams: true }, iters: 60, target: "≤ 60 ms" },
  { name: "~50 MB", file: "p50mb.pdf", gen: { pages: 20, padToBytes: 50 * 1024 * 1024 }, iters: 8, target: "≤ 4× SHA-256, RSS ≤ size + 120 MiB" },
];

async function child(impl: Impl, file: string, iters: number, visible: boolean) {
  const bytes = readFileSync(file); // a Buffer is a Uint8Array: no second copy of a 50 MB file
  const baseRss = process.memoryUsage().rss;
  let run: () => Promise<unknown>;
  if (impl === "sha256") {
    run = async () => createHash("sha256").update(bytes).digest();
  } else if (impl === "ours" || impl === "ours+copy") {
    const { signPdf } = await import("../lib/pdf/index");
    const { aliceSigner } = await import("../lib/pdf/test-support/test-pki");
    const signer = aliceSigner();
    const { makePng } = await import("../lib/pdf/test-support/make-png");
    const png = makePng(300, 120, (x, y) => ((x - 150) ** 2 / 140 ** 2 + (y - 60) ** 2 / 50 ** 2 < 1 ? [10, 10, 80, 255] : [0, 0, 0, 0]));
    const look = visible ? { placement: { page: 1, rect: { x: 300, y: 600, width: 200, height: 90 } }, appearance: { png, name: "张三" } } : {};
    // "ours": the update (what storage streams after the unchanged input);
    // "ours+copy": also materialises input ‖ update as one buffer.
    run = impl === "ours"
      ? () => signPdf(bytes, { signer, signingTime: new Date(), ...look })
      : async () => (await signPdf(bytes, { signer, signingTime: new Date(), ...look })).pdf;
  } else {
    const { PDFDocument } = await import("pdf-lib");
    const { pdflibAddPlaceholder } = await import("@signpdf/placeholder-pdf-lib");
    const { P12Signer } = await import("@signpdf/signer-p12");
    const signpdf = (await import("@signpdf/signpdf")).default;
    const p12 = readFileSync(join(DIR, "alice.p12"));
    run = async () => {
      const pdfDoc = await PDFDocument.load(bytes);
      pdflibAddPlaceholder({ pdfDoc, reason: "bench", contactInfo: "", name: "Alice", location: "" });
      const withPlaceholder = Buffer.from(await pdfDoc.save({ useObjectStreams: false }));
      return signpdf.sign(withPlaceholder, new P12Signer(p12, { passphrase: "bench" }));
    };
  }
  const times: number[] = [];
  await run(); // warm-up: JIT, module init
  for (let i = 0; i < iters; i++) {
    const t0 = process.hrtime.bigint();
    await run();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  // VmHWM, not getrusage's maxRSS: Linux carries ru_maxrss over exec from the forking parent.
  const peak = Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"))?.[1] ?? 0) * 1024;
  process.stdout.write(JSON.stringify({ median: times[Math.floor(times.length / 2)], p90: times[Math.floor(times.length * 0.9)], peak, baseRss }) + "\n");
}

async function prepare() {
  mkdirSync(DIR, { recursive: true });
  const { generatePdf } = await import("../lib/pdf/test-support/generate-pdf");
  for (const c of CASES) {
    const f = join(DIR, c.file);
    if (!existsSync(f)) writeFileSync(f, await generatePdf(c.gen));
  }
  const { TESTDATA } = await import("../lib/pdf/test-support/test-pki");
  if (!existsSync(join(DIR, "alice.p12"))) {
    execFileSync("openssl", ["pkcs12", "-export", "-inkey", `${TESTDATA}/user.key`, "-in", `${TESTDATA}/user.pem`, "-certfile", `${TESTDATA}/inter-ca.pem`,
      "-passout", "pass:bench", "-out", join(DIR, "alice.p12")]);
  }
}

async function main() {
  const args = process.argv.slice(2);
  if (args[0] === "--child") return child(args[1] as Impl, args[2], Number(args[3]), args[4] === "visible");
  const quick = args.includes("--quick");
  await prepare();
  const mib = (n: number) => (n / 1048576).toFixed(0);
  const rows: string[][] = [["case", "size", "impl", "median ms", "p90 ms", "× SHA-256", "peak RSS MiB", "sig/s", "target (ours)"]];
  for (const c of CASES) {
    const file = join(DIR, c.file);
    const size = statSync(file).size;
    const results = new Map<Impl, { median: number; p90: number; peak: number } | string>();
    const impls: Impl[] = "visible" in c ? ["ours", "ours+copy"] : ["ours", "ours+copy", "sha256", "signpdf"];
    for (const impl of impls) {
      const iters = Math.max(3, Math.round((impl === "signpdf" ? c.iters / 6 : c.iters) * (quick ? 0.2 : 1)));
      const r = spawnSync(process.execPath, [...process.execArgv, process.argv[1], "--child", impl, file, String(iters), "visible" in c && c.visible ? "visible" : ""], { encoding: "utf8", maxBuffer: 1 << 20 });
      try {
        results.set(impl, JSON.parse(r.stdout.trim().split("\n").pop() ?? ""));
      } catch {
        results.set(impl, `error: ${(r.stderr || "").split("\n").slice(0, 2).join(" ").slice(0, 80)}`);
      }
    }
    const floor = results.get("sha256");
    for (const [impl, m] of results) {
      const sz = size > 1048576 ? `${mib(size)} MiB` : `${(size / 1024).toFixed(0)} KiB`;
      if (typeof m === "string") {
        rows.push([c.name, sz, impl, m, "", "", "", "", ""]);
        continue;
      }
      const ratio = typeof floor === "object" ? (m.median / floor.median).toFixed(1) : "";
      rows.push([c.name, sz, impl, m.median.toFixed(2), m.p90.toFixed(2), ratio, mib(m.peak), (1000 / m.median).toFixed(0), impl === "ours" ? c.target : ""]);
    }
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  for (const r of rows) console.log(r.map((x, i) => x.padEnd(widths[i])).join("  "));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
