import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { closeDb, getDb } from "@/lib/db";
import { memberships, signingKeys, users } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { ensureCa, getCaCertificates, getCurrentCrl, revokeCertificate, rotateMasterKey, createMasterKeyRing, toPem } from "@/lib/pki";
import { getProject } from "@/lib/projects/get-project";
import { isolatedDb } from "@/tests/helpers/isolated-db";
import { randomPhone } from "@/tests/helpers/phones";
import { getMemberCertificate } from "./get-member-certificate";
import { getPki } from "./get-pki";
import { issuePersonalCertificate } from "./issue-personal-certificate";
import { createPgPkiStore } from "./pg-pki-store";

afterAll(closeDb);

async function newMember(roleKey = "staff") {
  const db = await getDb();
  const [user] = await db.insert(users).values({ phone: randomPhone(), realName: "王小明" }).returning();
  const project = await getProject({ slug: "sysu" });
  const role = project.roles.find((r) => r.key === roleKey)!;
  const [m] = await db.insert(memberships).values({ userId: user!.id, projectId: project.id, roleId: role.id, agreementAcceptedAt: new Date() }).returning();
  return { user: user!, membership: m! };
}

const codeOf = async (p: Promise<unknown>) => p.then(() => "ok", (e: unknown) => (e instanceof AppError ? e.code : String(e)));

describe("personal certificates in the app", () => {
  it("issues a certificate under a new PIN that openssl accepts, once", async () => {
    const { user, membership } = await newMember();
    expect(await codeOf(issuePersonalCertificate({ actorId: user.id, membershipId: membership.id, pin: "123456" }))).toBe("PIN_TOO_WEAK");
    const issued = await issuePersonalCertificate({ actorId: user.id, membershipId: membership.id, pin: "8d3k29" });
    const db = await getDb();
    const [m] = await db.select().from(memberships).where(eq(memberships.id, membership.id));
    expect(m!.status).toBe("certified");
    const cert = await getMemberCertificate({ actorId: user.id, membershipId: membership.id });
    expect(cert?.serialHex).toBe(issued.serialHex);
    // The stored custody record never holds the PIN or the key in clear.
    const [key] = await db.select().from(signingKeys).where(eq(signingKeys.membershipId, membership.id));
    expect(JSON.stringify(key!.custody)).not.toContain("8d3k29");
    expect(JSON.stringify(key!.custody)).not.toContain("PRIVATE KEY");

    const { ca } = await getPki();
    const chain = getCaCertificates(ca);
    const dir = mkdtempSync(join(tmpdir(), "cert-"));
    writeFileSync(join(dir, "root.pem"), chain.root.pem);
    writeFileSync(join(dir, "issuing.pem"), chain.issuing.pem);
    writeFileSync(join(dir, "user.pem"), toPem(cert!.der));
    const out = execFileSync("openssl", ["verify", "-CAfile", join(dir, "root.pem"), "-untrusted", join(dir, "issuing.pem"), join(dir, "user.pem")]).toString();
    expect(out).toContain("OK");
    const text = execFileSync("openssl", ["x509", "-in", join(dir, "user.pem"), "-noout", "-subject", "-nameopt", "utf8,sep_comma_plus_space"]).toString();
    expect(text).toContain("CN=王小明");
    expect(text).toContain("O=中山大学");
    expect(text).toContain("OU=单位经办人");

    expect(await codeOf(issuePersonalCertificate({ actorId: user.id, membershipId: membership.id, pin: "8d3k29" }))).toBe("CONFLICT");
  });

  it("refuses members who owe identity verification first, and strangers", async () => {
    const { user, membership } = await newMember("expert");
    expect(await codeOf(issuePersonalCertificate({ actorId: user.id, membershipId: membership.id, pin: "8d3k29" }))).toBe("STEP_NOT_REACHED");
    const other = await newMember();
    expect(await codeOf(issuePersonalCertificate({ actorId: other.user.id, membershipId: membership.id, pin: "8d3k29" }))).toBe("NOT_FOUND");
  });

  it("the database store keeps one CA hierarchy, numbers CRLs and revokes once", async () => {
    const db = await getDb();
    const store = createPgPkiStore(db);
    const pki = await getPki();
    const again = await Promise.all([1, 2].map(() => ensureCa({ store, masterKeys: pki.masterKeys, baseUrl: pki.baseUrl })));
    expect(getCaCertificates(again[0]!).root.pem).toBe(getCaCertificates(pki.ca).root.pem);

    const { user, membership } = await newMember();
    const { serialHex } = await issuePersonalCertificate({ actorId: user.id, membershipId: membership.id, pin: "q7w3e9" });
    expect((await revokeCertificate({ ca: pki.ca, store, serialHex, reason: "keyCompromise" })).revoked).toBe(true);
    expect((await revokeCertificate({ ca: pki.ca, store, serialHex, reason: "keyCompromise" })).revoked).toBe(false);
    const crl = await getCurrentCrl({ ca: pki.ca, store });
    const dir = mkdtempSync(join(tmpdir(), "crl-"));
    writeFileSync(join(dir, "crl.der"), crl);
    writeFileSync(join(dir, "issuing.pem"), getCaCertificates(pki.ca).issuing.pem);
    const listed = execFileSync("openssl", ["crl", "-inform", "DER", "-in", join(dir, "crl.der"), "-CAfile", join(dir, "issuing.pem"), "-noout", "-text"], { stdio: ["ignore", "pipe", "pipe"] }).toString();
    expect(listed.toLowerCase().replace(/:/g, "")).toContain(serialHex.replace(/^0+/, ""));
  });

  it("rotating the master key re-wraps every stored secret and keeps the CA usable", async () => {
    const { db, cleanup } = await isolatedDb();
    try {
      const store = createPgPkiStore(db);
      // A fresh database gets a CA under its own key; the process's PGlite already has one.
      const firstKey = process.env.DATABASE_URL ? Buffer.alloc(32, 1) : (await getPki()).masterKeys.current.key;
      const first = createMasterKeyRing(firstKey);
      const ca = await ensureCa({ store, masterKeys: first, baseUrl: "http://localhost:3000" });
      const next = createMasterKeyRing(Buffer.alloc(32, 7), [firstKey]);
      const report = await rotateMasterKey({ store, masterKeys: next });
      expect(report.failed).toEqual({});
      expect(report.rewrapped).toBeGreaterThanOrEqual(5);
      // Only the new key now: everything must still unwrap.
      const reloaded = await ensureCa({ store, masterKeys: createMasterKeyRing(Buffer.alloc(32, 7)), baseUrl: "http://localhost:3000" });
      expect(getCaCertificates(reloaded).issuing.pem).toBe(getCaCertificates(ca).issuing.pem);
      // And the old key alone no longer opens anything.
      await expect(ensureCa({ store, masterKeys: first, baseUrl: "http://localhost:3000" })).rejects.toThrow();
      // Put back what the rest of this process expects (PGlite: the same database).
      if (!process.env.DATABASE_URL) await rotateMasterKey({ store, masterKeys: createMasterKeyRing(firstKey, [Buffer.alloc(32, 7)]) });
    } finally {
      await cleanup();
    }
  });
});
