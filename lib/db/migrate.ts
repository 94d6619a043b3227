import { join } from "node:path";
import type { PgliteDatabase } from "drizzle-orm/pglite";

// An arbitrary constant: every app instance takes the same advisory lock, so
// when several start at once exactly one applies migrations while the others
// wait and then find nothing left to do.
const MIGRATION_LOCK_KEY = 727_001;

type Target = { kind: "postgres"; url: string } | { kind: "pglite"; db: unknown };

export async function migrateDatabase(target: Target): Promise<void> {
  const migrationsFolder = join(process.cwd(), "drizzle");
  if (target.kind === "pglite") {
    // PGlite lives inside this process: no other instance can race us.
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(target.db as PgliteDatabase, { migrationsFolder });
    return;
  }
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const { migrate } = await import("drizzle-orm/postgres-js/migrator");
  // max: 1 keeps the lock and the migration on the same session.
  const sql = postgres(target.url, { max: 1, onnotice: () => {} });
  try {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    try {
      await migrate(drizzle(sql), { migrationsFolder });
    } finally {
      await sql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
    }
  } finally {
    await sql.end({ timeout: 5 });
  }
}
