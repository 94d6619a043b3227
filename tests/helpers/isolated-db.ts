import type { Db } from "@/lib/db";
import { getDb } from "@/lib/db";
import { migrateDatabase } from "@/lib/db/migrate";
import * as schema from "@/lib/db/schema";

/**
 * A database no other test process touches: on PGlite the process's own
 * (already private); on a server a fresh database, migrated, dropped after.
 * For tests that change shared singletons such as the CA's master-key wrapping.
 */
export async function isolatedDb(): Promise<{ db: Db; cleanup: () => Promise<void> }> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) return { db: await getDb(), cleanup: async () => {} };
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const name = `cloudsign_iso_${Date.now()}_${process.pid}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await migrateDatabase({ kind: "postgres", url: url.toString() });
  const sql = postgres(url.toString(), { max: 2, onnotice: () => {} });
  return {
    db: drizzle(sql, { schema }) as unknown as Db,
    cleanup: async () => {
      await sql.end();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
