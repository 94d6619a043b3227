import "server-only";
import { asc, gt } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { auditLog } from "@/lib/db/schema";
import { GENESIS_HASH, hashAuditEntry } from "./hash-audit-entry";

export type AuditChainResult =
  | { ok: true; entries: number; head: string }
  | { ok: false; entries: number; brokenAtId: number; reason: "hash_mismatch" | "link_mismatch" };

/** Walks the whole log in pages, recomputing every hash and link. */
export async function verifyAuditChain({ db, pageSize = 1000 }: { db: Db; pageSize?: number }): Promise<AuditChainResult> {
  let prev = GENESIS_HASH;
  let lastId = 0;
  let count = 0;
  for (;;) {
    const rows = await db.select().from(auditLog).where(gt(auditLog.id, lastId)).orderBy(asc(auditLog.id)).limit(pageSize);
    if (rows.length === 0) return { ok: true, entries: count, head: prev };
    for (const row of rows) {
      if (row.prevHash !== prev) return { ok: false, entries: count, brokenAtId: row.id, reason: "link_mismatch" };
      const expected = hashAuditEntry(prev, {
        at: row.at,
        actorId: row.actorId,
        action: row.action,
        subjectType: row.subjectType,
        subjectId: row.subjectId,
        ip: row.ip,
        data: row.data,
      });
      if (expected !== row.hash) return { ok: false, entries: count, brokenAtId: row.id, reason: "hash_mismatch" };
      prev = row.hash;
      lastId = row.id;
      count++;
    }
  }
}
