// `npm test`: every unit and integration test on the embedded PGlite, then
// again on a PostgreSQL server when TEST_DATABASE_URL is set — in a fresh
// database created for this run and dropped afterwards.
import postgres from "postgres";
import { printSummary, runVitest } from "./run-vitest.mjs";

const args = process.argv.slice(2);
const runs = [runVitest({ label: "PGlite (embedded)", args, env: { DATABASE_URL: "" } })];

const serverUrl = process.env.TEST_DATABASE_URL;
if (serverUrl) {
  const name = `cloudsign_test_${Date.now()}_${process.pid}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  try {
    // The pure libraries never touch a database: their tests ran above already.
    const pure = ["lib/pdf", "lib/pki", "lib/storage", "lib/sms/transports", "lib/identity"].flatMap((d) => ["--exclude", `${d}/**`]);
    runs.push(runVitest({ label: `PostgreSQL (${url.host}/${name})`, args: [...pure, ...args], env: { DATABASE_URL: url.toString() } }));
  } finally {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
} else {
  console.log("\n(TEST_DATABASE_URL not set: the PostgreSQL server run is skipped)");
}

process.exit(printSummary("tests", runs) ? 0 : 1);
