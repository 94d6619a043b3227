// The server master key ring. Every secret wrapped under a master key records
// the key's id, so MASTER_KEY can be rotated: the new key goes in MASTER_KEY,
// the previous one(s) in MASTER_KEYS_OLD until rotateMasterKey has re-wrapped
// everything.
import { createHash, randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { AppError } from "@/lib/errors";

export interface MasterKey {
  /** First 8 bytes of SHA-256(key), hex: identifies the key without revealing it. */
  id: string;
  key: Buffer;
}

export interface MasterKeyRing {
  current: MasterKey;
  /** Every usable key by id, current included. */
  byId: ReadonlyMap<string, MasterKey>;
}

export const masterKeyId = (key: Buffer): string => createHash("sha256").update(key).digest().subarray(0, 8).toString("hex");

function decodeKey(b64: string, name: string): MasterKey {
  const key = Buffer.from(b64.trim(), "base64");
  if (key.length !== 32) {
    // Same code as a missing key: either way there is no usable master key, and the message says which.
    throw new AppError("MASTER_KEY_MISSING", `${name} must be 32 bytes, base64-encoded (got ${key.length} bytes)`, { params: { variable: name } });
  }
  return { id: masterKeyId(key), key };
}

/** Builds a ring from raw keys; first is current. Handy for tests and for a KMS-fed setup. */
export function createMasterKeyRing(current: Buffer, old: Buffer[] = []): MasterKeyRing {
  const keys = [current, ...old].map((k) => decodeKey(k.toString("base64"), "master key"));
  return { current: keys[0], byId: new Map(keys.map((k) => [k.id, k])) };
}

export interface LoadMasterKeysOptions {
  env?: Record<string, string | undefined>;
  /** Where a development key is generated; defaults to DATA_DIR or ./data. */
  dataDir?: string;
  warn?: (message: string) => void;
}

/**
 * MASTER_KEY (32 bytes base64) + MASTER_KEYS_OLD (comma-separated). Without
 * MASTER_KEY: production refuses to start (MASTER_KEY_MISSING); elsewhere a
 * key is generated once into <dataDir>/master.key with a loud warning, so a
 * developer's data survives restarts.
 */
export function loadMasterKeys(opts: LoadMasterKeysOptions = {}): MasterKeyRing {
  const env = opts.env ?? process.env;
  const warn = opts.warn ?? ((m: string) => console.warn(m));
  let current: MasterKey;
  if (env.MASTER_KEY?.trim()) {
    current = decodeKey(env.MASTER_KEY, "MASTER_KEY");
  } else if (env.NODE_ENV === "production") {
    throw new AppError("MASTER_KEY_MISSING", "MASTER_KEY is not set; refusing to start in production");
  } else {
    const dir = resolve(/* turbopackIgnore: true */ opts.dataDir ?? env.DATA_DIR ?? "./data");
    const file = join(dir, "master.key");
    if (!existsSync(file)) {
      mkdirSync(dir, { recursive: true });
      // "wx": if another process created it a moment ago, fail here and read theirs below.
      try {
        writeFileSync(file, randomBytes(32).toString("base64") + "\n", { flag: "wx", mode: 0o600 });
        chmodSync(file, 0o600);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      }
    }
    current = decodeKey(readFileSync(file, "utf8"), file);
    warn(
      [
        "!".repeat(72),
        `!! MASTER_KEY is not set: using the DEVELOPMENT key in ${file}`,
        "!! Every private key is encrypted with it. Set MASTER_KEY in production.",
        "!".repeat(72),
      ].join("\n"),
    );
  }
  const old = (env.MASTER_KEYS_OLD ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s, i) => decodeKey(s, `MASTER_KEYS_OLD[${i}]`));
  const byId = new Map<string, MasterKey>();
  for (const k of [current, ...old]) if (!byId.has(k.id)) byId.set(k.id, k);
  return { current, byId };
}
