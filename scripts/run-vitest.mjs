// Runs vitest with its usual output plus a JSON report, and returns the counts
// so our scripts can print one plain "N passed, N failed" line at the end.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export function runVitest({ label, args = [], env = {} }) {
  const report = join(mkdtempSync(join(tmpdir(), "cloudsign-vitest-")), "report.json");
  console.log(`\n=== vitest: ${label} ===`);
  const r = spawnSync("npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`, ...args], {
    stdio: "inherit",
    env: { ...process.env, ...env },
  });
  const counts = { passed: 0, failed: 0, skipped: 0, ok: r.status === 0 };
  try {
    const json = JSON.parse(readFileSync(report, "utf8"));
    counts.passed = json.numPassedTests;
    counts.failed = json.numFailedTests;
    counts.skipped = json.numPendingTests + json.numTodoTests;
  } catch {
    // no report: the run itself broke
  }
  // A file that failed to load fails no test but must still count.
  if (!counts.ok && counts.failed === 0) counts.failed = 1;
  return counts;
}

export function printSummary(label, runs) {
  const sum = (k) => runs.reduce((n, r) => n + r[k], 0);
  // The one summary line CI reads, whatever the runner printed above.
  console.log(`\n${label}: ${sum("passed")} passed, ${sum("failed")} failed, ${sum("skipped")} skipped`);
  return runs.every((r) => r.ok) && sum("failed") === 0;
}
