import "server-only";
import { desc, sql } from "drizzle-orm";
import type { Db, Tx } from "@/lib/db";
import { auditLog } from "@/lib/db/schema";
import { GENESIS_HASH, hashAuditEntry } from "./hash-audit-entry";

// Serialises appends across every app instance so the chain stays linear.
const AUDIT_LOCK_KEY = 727_002;

export interface AppendAuditOptions {
  /** Pass the caller's transaction so the audit row commits with the change it records. */
  db: Db | Tx;
  actorId?: string | null;
  action: string;
  subjectType?: string | null;
  subjectId?: string | null;
  ip?: string | null;
  data?: Record<string, unknown>;
}

export async function appendAuditEntry(opts: AppendAuditOptions): Promise<{ id: number; hash: string }> {
  const run = async (tx: Tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`);
    const [last] = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
    const content = {
      at: new Date().toISOString(),
      actorId: opts.actorId ?? null,
      action: opts.action,
      subjectType: opts.subjectType ?? null,
      subjectId: opts.subjectId ?? null,
      ip: opts.ip ?? null,
      data: opts.data ?? {},
    };
    const prevHash = last?.hash ?? GENESIS_HASH;
    const hash = hashAuditEntry(prevHash, content);
    const [row] = await tx
      .insert(auditLog)
      .values({ ...content, prevHash, hash })
      .returning({ id: auditLog.id, hash: auditLog.hash });
    return row!;
  };
  // A nested transaction becomes a savepoint, so this works inside or outside one.
  return opts.db.transaction(run);
}
