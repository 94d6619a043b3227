import "server-only";
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { env } from "@/lib/env";
import * as schema from "./schema";
import { migrateDatabase } from "./migrate";
import { seedDatabase } from "./seed";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** The handle inside `db.transaction(async (tx) => …)`; accepted wherever a Db is. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

interface DbState {
  ready: Promise<Db>;
  close: () => Promise<void>;
}

// Next.js dev reloads modules; keep one connection (and one PGlite instance,
// which must never be opened twice on the same directory) per process.
const globalForDb = globalThis as unknown as { __cloudSignDb?: DbState };

async function open(): Promise<{ db: Db; close: () => Promise<void> }> {
  const url = env().DATABASE_URL;
  if (url) {
    const { default: postgres } = await import("postgres");
    const { drizzle } = await import("drizzle-orm/postgres-js");
    const sql = postgres(url, { max: 10, onnotice: () => {} });
    await migrateDatabase({ kind: "postgres", url });
    return { db: drizzle(sql, { schema }) as unknown as Db, close: () => sql.end({ timeout: 5 }) };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const dir = resolve(env().DATA_DIR, "pglite");
  mkdirSync(dir, { recursive: true });
  const client = await PGlite.create(dir);
  const db = drizzle(client, { schema }) as unknown as Db;
  await migrateDatabase({ kind: "pglite", db });
  return { db, close: () => client.close() };
}

/** The database, migrated and seeded. Safe to call from anywhere, any number of times. */
export function getDb(): Promise<Db> {
  if (!globalForDb.__cloudSignDb) {
    let closeFn: () => Promise<void> = async () => {};
    const ready = (async () => {
      const { db, close } = await open();
      closeFn = close;
      await seedDatabase(db);
      return db;
    })();
    ready.catch(() => {
      // A failed start must not be cached: the next call retries.
      globalForDb.__cloudSignDb = undefined;
    });
    globalForDb.__cloudSignDb = { ready, close: () => closeFn() };
  }
  return globalForDb.__cloudSignDb.ready;
}

export async function closeDb(): Promise<void> {
  const state = globalForDb.__cloudSignDb;
  globalForDb.__cloudSignDb = undefined;
  if (state) {
    await state.ready.catch(() => undefined);
    await state.close();
  }
}

export function migrationsFolder(): string {
  return join(process.cwd(), "drizzle");
}
