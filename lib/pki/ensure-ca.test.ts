import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ensureCa } from "./ensure-ca";
import { createMasterKeyRing } from "./master-keys";
import { MemoryPkiStore } from "./memory-store";
import { rotateMasterKey } from "./rotate-master-key";
import { issueFor, createFixture, BASE_URL } from "./test-support";

describe("ensureCa", () => {
  it("two concurrent first starts end with ONE hierarchy", async () => {
    const store = new MemoryPkiStore();
    const masterKeys = createMasterKeyRing(randomBytes(32));
    let inserts = 0;
    const insert = store.insertCaMaterialIfAbsent.bind(store);
    store.insertCaMaterialIfAbsent = async (m) => {
      inserts++;
      return insert(m);
    };
    const [a, b] = await Promise.all([ensureCa({ store, masterKeys, baseUrl: BASE_URL }), ensureCa({ store, masterKeys, baseUrl: BASE_URL })]);
    expect(inserts).toBe(2); // both raced to create…
    expect(a.root.der.equals(b.root.der)).toBe(true); // …one won, both use it
    expect(a.issuing.der.equals(b.issuing.der)).toBe(true);
    expect(a.signer("issuing").sign(Buffer.from("x")).length).toBeGreaterThan(0);
    const c = await ensureCa({ store, masterKeys, baseUrl: BASE_URL });
    expect(c.root.der.equals(a.root.der)).toBe(true);
  });

  it("fails clearly when the master key that wrapped the CA is gone, and recovers after rotation", async () => {
    const oldKey = randomBytes(32);
    const store = new MemoryPkiStore();
    await ensureCa({ store, masterKeys: createMasterKeyRing(oldKey), baseUrl: BASE_URL });
    await expect(ensureCa({ store, masterKeys: createMasterKeyRing(randomBytes(32)), baseUrl: BASE_URL })).rejects.toMatchObject({
      code: "MASTER_KEY_UNKNOWN",
    });
    const newRing = createMasterKeyRing(randomBytes(32), [oldKey]);
    expect((await rotateMasterKey({ store, masterKeys: newRing })).rewrapped).toBe(5);
    const ca = await ensureCa({ store, masterKeys: createMasterKeyRing(newRing.current.key), baseUrl: BASE_URL });
    expect(ca.issuing.serialHex).toMatch(/^[0-9a-f]+$/);
  });

  it("supports an RSA-4096 root", async () => {
    const f = await createFixture({ rootKeyAlgorithm: "RSA-4096" });
    const { pem } = await issueFor(f, "u");
    const { openssl } = await import("./test-support");
    expect(openssl(["verify", "-CAfile", f.rootPem, "-untrusted", f.issuingPem, pem]).out).toContain(": OK");
    expect(openssl(["x509", "-in", f.rootPem, "-noout", "-text"]).stdout).toContain("Public-Key: (4096 bit)");
  });
});
