import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import postgres from "postgres";
import { migrateDatabase } from "./migrate";

const serverUrl = process.env.DATABASE_URL;

// Only meaningful against a server: PGlite is private to one process.
describe.skipIf(!serverUrl)("migrations on a PostgreSQL server", () => {
  it("several instances starting at once apply each migration exactly once", async () => {
    const admin = postgres(serverUrl!, { max: 1, onnotice: () => {} });
    const name = `cloudsign_mig_${Date.now()}_${process.pid}`;
    await admin.unsafe(`create database ${name}`);
    const url = new URL(serverUrl!);
    url.pathname = `/${name}`;
    try {
      await Promise.all([1, 2, 3, 4].map(() => migrateDatabase({ kind: "postgres", url: url.toString() })));
      const db = postgres(url.toString(), { max: 1, onnotice: () => {} });
      const applied = await db`select count(*)::int as n from drizzle.__drizzle_migrations`;
      const tables = await db`select count(*)::int as n from information_schema.tables where table_schema = 'public'`;
      await db.end();
      const journal = JSON.parse(readFileSync("drizzle/meta/_journal.json", "utf8")) as { entries: unknown[] };
      expect(applied[0]!.n).toBe(journal.entries.length);
      expect(tables[0]!.n).toBeGreaterThanOrEqual(8);
    } finally {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});
