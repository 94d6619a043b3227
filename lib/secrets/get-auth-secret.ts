import "server-only";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { env, isProduction } from "@/lib/env";

let cached: string | undefined;

/**
 * The secret behind session JWTs and SMS-code HMACs. Production must set
 * AUTH_SECRET; elsewhere one is generated once into the data directory so the
 * quick start needs no configuration and sessions survive restarts.
 */
export function getAuthSecret(): string {
  if (cached) return cached;
  const fromEnv = env().AUTH_SECRET;
  if (fromEnv) return (cached = fromEnv);
  if (isProduction()) throw new Error("AUTH_SECRET must be set in production (32+ characters)");
  const dir = resolve(env().DATA_DIR);
  const file = join(dir, "auth-secret");
  try {
    cached = readFileSync(file, "utf8").trim();
  } catch {
    mkdirSync(dir, { recursive: true });
    cached = randomBytes(32).toString("base64url");
    // wx: if another process won the race, read its secret instead of ours.
    try {
      writeFileSync(file, cached, { flag: "wx", mode: 0o600 });
      console.warn(`[cloud-sign] AUTH_SECRET not set: generated one into ${file} (development only)`);
    } catch {
      cached = readFileSync(file, "utf8").trim();
    }
  }
  return cached;
}
