import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadMasterKeys, masterKeyId } from "./master-keys";
import { rewrapSecret, SecretIntegrityError, unwrapSecret, wrapSecret } from "./wrap-secret";

const b64 = () => randomBytes(32).toString("base64");

describe("master keys", () => {
  it("refuses to start in production without MASTER_KEY", () => {
    expect(() => loadMasterKeys({ env: { NODE_ENV: "production" } })).toThrowError(expect.objectContaining({ code: "MASTER_KEY_MISSING" }));
  });

  it("rejects a key of the wrong size", () => {
    expect(() => loadMasterKeys({ env: { MASTER_KEY: "c2hvcnQ=" } })).toThrowError(expect.objectContaining({ code: "MASTER_KEY_MISSING", message: expect.stringContaining("32 bytes") }));
  });

  it("generates a development key once, loudly, into the data directory", () => {
    const dir = mkdtempSync(join(tmpdir(), "mk-"));
    const warnings: string[] = [];
    const a = loadMasterKeys({ env: { NODE_ENV: "development" }, dataDir: dir, warn: (m) => warnings.push(m) });
    const b = loadMasterKeys({ env: { NODE_ENV: "development" }, dataDir: dir, warn: (m) => warnings.push(m) });
    expect(a.current.id).toBe(b.current.id);
    expect(warnings[0]).toMatch(/MASTER_KEY is not set/);
    expect(existsSync(join(dir, "master.key"))).toBe(true);
    expect(statSync(join(dir, "master.key")).mode & 0o777).toBe(0o600);
    expect(Buffer.from(readFileSync(join(dir, "master.key"), "utf8"), "base64").length).toBe(32);
  });

  it("identifies keys by a SHA-256 prefix and unwraps with old keys", () => {
    const oldB64 = b64();
    const old = loadMasterKeys({ env: { MASTER_KEY: oldB64 } });
    expect(old.current.id).toBe(masterKeyId(Buffer.from(oldB64, "base64")));
    const secret = wrapSecret(old, "ca-key", Buffer.from("top secret"));
    const rotated = loadMasterKeys({ env: { MASTER_KEY: b64(), MASTER_KEYS_OLD: ` ${b64()}, ${oldB64}` } });
    expect(unwrapSecret(rotated, "ca-key", secret).toString()).toBe("top secret");
    const moved = rewrapSecret(rotated, secret)!;
    expect(moved).toContain(`.${rotated.current.id}.`);
    expect(rewrapSecret(rotated, moved)).toBeNull();
    expect(() => unwrapSecret(old, "ca-key", moved)).toThrowError(expect.objectContaining({ code: "MASTER_KEY_UNKNOWN" }));
  });

  it("authenticates purpose and content", () => {
    const ring = loadMasterKeys({ env: { MASTER_KEY: b64() } });
    const secret = wrapSecret(ring, "ca-key", Buffer.from("x"));
    expect(() => unwrapSecret(ring, "grant-key", secret)).toThrowError(SecretIntegrityError);
    expect(() => unwrapSecret(ring, "grant-key", secret.replace("ca-key", "grant-key"))).toThrowError(SecretIntegrityError);
    const tampered = secret.slice(0, -2) + (secret.endsWith("AA") ? "BB" : "AA");
    expect(() => unwrapSecret(ring, "ca-key", tampered)).toThrowError(SecretIntegrityError);
    expect(() => unwrapSecret(ring, "ca-key", "garbage")).toThrowError(SecretIntegrityError);
  });
});
