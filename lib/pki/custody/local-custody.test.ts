import { createPublicKey, randomBytes, verify } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createMasterKeyRing } from "../master-keys";
import { MemoryPkiStore } from "../memory-store";
import { rotateMasterKey } from "../rotate-master-key";
import { readSecretHeader, SecretIntegrityError, unwrapSecret } from "../wrap-secret";
import type { KeyCustodyRecord } from "./key-custody";
import { createLocalKeyCustody } from "./local-custody";
import { PIN_LOCK_MS } from "./pin-attempts";
import { runPinAttempt } from "./run-pin-attempt";

const cheap = { log2N: 10, r: 8, p: 1 };
const PIN = "802417";
const data = Buffer.from("signed attributes go here");
const ring = createMasterKeyRing(randomBytes(32));
const custody = createLocalKeyCustody({ masterKeys: ring, scryptCost: cheap });

const verifies = (record: KeyCustodyRecord, signature: Buffer) =>
  verify("sha256", data, createPublicKey({ key: Buffer.from(record.publicKey, "base64"), format: "der", type: "spki" }), signature);

async function wrong(record: KeyCustodyRecord, now: Date) {
  const o = await custody.signWithPin({ record, pin: "999111", data, now });
  if (o.ok) throw new Error("unexpectedly ok");
  return o;
}

describe("local key custody", () => {
  it("signs with the right PIN; the stored record holds neither the PIN nor the key in clear", async () => {
    const { record, publicKey } = await custody.generateKey({ pin: PIN });
    const o = await custody.signWithPin({ record, pin: PIN, data });
    expect(o.ok && verifies(record, o.value.signature)).toBe(true);
    const json = JSON.stringify(record);
    expect(json).not.toContain(PIN);
    expect(json).not.toContain(Buffer.from(PIN).toString("base64").slice(0, 6));
    expect(Buffer.from(record.publicKey, "base64").equals(publicKey)).toBe(true);
    // The PKCS#8 never appears in any encoding we might store.
    const blob = Buffer.from(record.wrapped.split(".")[3], "base64url");
    expect(blob.includes(Buffer.from("020100300d06092a864886f70d0101010500", "hex"))).toBe(false); // PKCS#8 RSA header
    expect(record.wrapped).not.toMatch(/MII/);
    // Even with the master-key layer removed, the PIN layer still hides the key.
    const inner = unwrapSecret(ring, "user-key", record.wrapped);
    expect(inner.includes(Buffer.from("020100300d06092a864886f70d0101010500", "hex"))).toBe(false);
    expect(inner.includes(Buffer.from(PIN))).toBe(false);
  });

  it("counts wrong PINs, locks after 5 for 30 minutes, and is unusable after 10", async () => {
    let { record } = await custody.generateKey({ pin: PIN });
    const t0 = new Date("2026-01-01T00:00:00Z");
    for (let i = 1; i <= 4; i++) {
      const o = await wrong(record, t0);
      expect(o.error.code).toBe("PIN_WRONG");
      expect(o.error.params.remaining).toBe(5 - i);
      record = o.record;
    }
    const fifth = await wrong(record, t0);
    expect(fifth.error.code).toBe("PIN_LOCKED");
    record = fifth.record;
    // locked: even the right PIN is refused, and nothing changes
    const locked = await custody.signWithPin({ record, pin: PIN, data, now: new Date(t0.getTime() + 60_000) });
    expect(locked.ok).toBe(false);
    expect(!locked.ok && locked.error.code).toBe("PIN_LOCKED");
    expect(locked.changed).toBe(false);
    expect(locked.record).toBe(record);
    // after 30 minutes, five more wrong PINs → unusable
    const t1 = new Date(t0.getTime() + PIN_LOCK_MS + 1000);
    for (let i = 6; i <= 9; i++) record = (await wrong(record, t1)).record;
    const tenth = await wrong(record, t1);
    expect(tenth.error.code).toBe("KEY_UNUSABLE");
    const after = await custody.signWithPin({ record: tenth.record, pin: PIN, data, now: new Date(t1.getTime() + 86400_000) });
    expect(!after.ok && after.error.code).toBe("KEY_UNUSABLE");
  });

  it("a correct PIN resets the counter", async () => {
    let { record } = await custody.generateKey({ pin: PIN });
    for (let i = 0; i < 4; i++) record = (await wrong(record, new Date())).record;
    const ok = await custody.signWithPin({ record, pin: PIN, data });
    expect(ok.ok).toBe(true);
    expect(ok.record.failedAttempts).toBe(0);
    expect(ok.record.revision).toBe(record.revision + 1);
  });

  it("changing the PIN keeps the key; the old PIN stops working", async () => {
    const { record } = await custody.generateKey({ pin: PIN });
    const changed = await custody.changePin({ record, oldPin: PIN, newPin: "730519" });
    expect(changed.ok).toBe(true);
    expect(changed.record.publicKey).toBe(record.publicKey);
    expect(changed.record.wrapped).not.toBe(record.wrapped);
    const withNew = await custody.signWithPin({ record: changed.record, pin: "730519", data });
    expect(withNew.ok && verifies(record, withNew.value.signature)).toBe(true);
    const withOld = await custody.signWithPin({ record: changed.record, pin: PIN, data });
    expect(!withOld.ok && withOld.error.code).toBe("PIN_WRONG");
    await expect(custody.changePin({ record, oldPin: PIN, newPin: "123456" })).rejects.toMatchObject({ code: "PIN_TOO_WEAK" });
  });

  it("a grant key signs without the PIN, under the master key only", async () => {
    const { record } = await custody.generateKey({ pin: PIN, algorithm: "P-256" });
    const o = await custody.unlockWithPin({ record, pin: PIN, grant: true });
    if (!o.ok) throw o.error;
    expect(readSecretHeader(o.value.grantKey!).purpose).toBe("grant-key");
    const sig = await custody.signWithGrantKey({ grantKey: o.value.grantKey!, data });
    expect(verifies(record, sig)).toBe(true);
    // a grant key is not a user key and vice versa
    await expect(custody.signWithGrantKey({ grantKey: record.wrapped, data })).rejects.toBeInstanceOf(SecretIntegrityError);
    const noGrant = await custody.unlockWithPin({ record, pin: PIN });
    expect(noGrant.ok && noGrant.value.grantKey).toBeNull();
    // cached between calls, still correct after the grant ends
    expect(verifies(record, await custody.signWithGrantKey({ grantKey: o.value.grantKey!, data }))).toBe(true);
    custody.endGrant(o.value.grantKey!);
    const uncached = createLocalKeyCustody({ masterKeys: ring, scryptCost: cheap, grantKeyCache: false });
    expect(verifies(record, await uncached.signWithGrantKey({ grantKey: o.value.grantKey!, data }))).toBe(true);
  });

  it("master-key rotation keeps every key usable and rewrap moves them to the new key id", async () => {
    const oldKey = randomBytes(32);
    const oldRing = createMasterKeyRing(oldKey);
    const before = createLocalKeyCustody({ masterKeys: oldRing, scryptCost: cheap });
    const store = new MemoryPkiStore();
    const { record } = await before.generateKey({ pin: PIN });
    const grant = await before.unlockWithPin({ record, pin: PIN, grant: true });
    store.putSecret("key:1", record.wrapped);
    store.putSecret("grant:1", grant.ok ? grant.value.grantKey! : "");

    const newRing = createMasterKeyRing(randomBytes(32), [oldKey]);
    const after = createLocalKeyCustody({ masterKeys: newRing, scryptCost: cheap });
    // still usable before re-wrapping, thanks to MASTER_KEYS_OLD
    expect((await after.signWithPin({ record, pin: PIN, data })).ok).toBe(true);
    const report = await rotateMasterKey({ store, masterKeys: newRing, batchSize: 1 });
    expect(report).toMatchObject({ rewrapped: 2, conflicts: 0, failed: {} });
    const moved = { ...record, wrapped: store.getSecret("key:1")! };
    expect(readSecretHeader(moved.wrapped).keyId).toBe(newRing.current.id);
    // usable without the old key at all
    const onlyNew = createLocalKeyCustody({ masterKeys: createMasterKeyRing(newRing.current.key), scryptCost: cheap });
    const signed = await onlyNew.signWithPin({ record: moved, pin: PIN, data });
    expect(signed.ok && verifies(record, signed.value.signature)).toBe(true);
    expect(verifies(record, await onlyNew.signWithGrantKey({ grantKey: store.getSecret("grant:1")!, data }))).toBe(true);
    // second run: nothing to do; rewrapRecord agrees
    expect(await rotateMasterKey({ store, masterKeys: newRing })).toMatchObject({ rewrapped: 0, current: 2 });
    expect(after.rewrapRecord(moved)).toBeNull();
    // without the old key, an old secret is MASTER_KEY_UNKNOWN, not a crash
    await expect(onlyNew.signWithPin({ record, pin: PIN, data })).rejects.toMatchObject({ code: "MASTER_KEY_UNKNOWN" });
  });

  it("runPinAttempt counts parallel guesses against one revision", async () => {
    let stored = (await custody.generateKey({ pin: PIN })).record;
    const load = async () => stored;
    const save = async (prev: KeyCustodyRecord, next: KeyCustodyRecord) => {
      if (stored.revision !== prev.revision) return false;
      stored = next;
      return true;
    };
    const guesses = Array.from({ length: 4 }, () =>
      runPinAttempt({ load, save, attempt: (record) => custody.signWithPin({ record, pin: "999111", data }), maxRetries: 10 }).catch((e) => e.code),
    );
    expect(await Promise.all(guesses)).toEqual(expect.arrayContaining(["PIN_WRONG"]));
    expect(stored.failedAttempts).toBe(4);
    const sig = await runPinAttempt({ load, save, attempt: (record) => custody.signWithPin({ record, pin: PIN, data }) });
    expect(verifies(stored, sig.signature)).toBe(true);
    expect(stored.failedAttempts).toBe(0);
  });

  it("uses a production-strength scrypt by default", async () => {
    const real = createLocalKeyCustody({ masterKeys: ring });
    const t = performance.now();
    const { record } = await real.generateKey({ pin: PIN, algorithm: "P-256" });
    const o = await real.unlockWithPin({ record, pin: PIN });
    expect(o.ok).toBe(true);
    expect(performance.now() - t).toBeGreaterThan(20); // two scrypt runs at N=2^15, r=8
  });
});
