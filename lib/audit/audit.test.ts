import { afterAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { closeDb, getDb } from "@/lib/db";
import { appendAuditEntry, verifyAuditChain } from ".";
import { canonicalJson } from "./hash-audit-entry";

afterAll(closeDb);

describe("audit log", () => {
  it("chains every entry to the one before, also under concurrent appends", async () => {
    const db = await getDb();
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        appendAuditEntry({ db, action: "test.concurrent", subjectType: "test", subjectId: String(i), data: { i, nested: { b: 1, a: [2, "x"] } } }),
      ),
    );
    const result = await verifyAuditChain({ db, pageSize: 5 });
    expect(result.ok).toBe(true);
    expect(result.entries).toBeGreaterThanOrEqual(12);
  });

  it("the database refuses to update or delete an entry", async () => {
    const db = await getDb();
    const { id } = await appendAuditEntry({ db, action: "test.immutable" });
    await expect(db.execute(sql`update audit_log set action = 'x' where id = ${id}`)).rejects.toThrow();
    await expect(db.execute(sql`delete from audit_log where id = ${id}`)).rejects.toThrow();
  });

  it("detects a row edited behind the app's back", async () => {
    const db = await getDb();
    await appendAuditEntry({ db, action: "test.tamper", data: { amount: 1 } });
    await appendAuditEntry({ db, action: "test.after" });
    // Simulate an attacker with database rights: drop the guard, edit, restore.
    await db.execute(sql`alter table audit_log disable trigger audit_log_no_update`);
    await db.execute(sql`update audit_log set data = '{"amount": 2}' where action = 'test.tamper'`);
    await db.execute(sql`alter table audit_log enable trigger audit_log_no_update`);
    try {
      const result = await verifyAuditChain({ db });
      expect(result).toMatchObject({ ok: false, reason: "hash_mismatch" });
    } finally {
      // Put the row back: other suites on a shared Postgres verify the chain too.
      await db.execute(sql`alter table audit_log disable trigger audit_log_no_update`);
      await db.execute(sql`update audit_log set data = '{"amount": 1}' where action = 'test.tamper'`);
      await db.execute(sql`alter table audit_log enable trigger audit_log_no_update`);
    }
    expect((await verifyAuditChain({ db })).ok).toBe(true);
  });

  it("canonical JSON sorts keys at every depth", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"y":2,"z":1}]},"b":1}');
  });
});
