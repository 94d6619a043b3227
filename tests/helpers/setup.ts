// Every test process gets its own data directory so PGlite files and
// generated keys never leak between runs or into ./data.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

if (!process.env.DATA_DIR) process.env.DATA_DIR = mkdtempSync(join(tmpdir(), "cloudsign-test-"));
(process.env as Record<string, string>).NODE_ENV ??= "test";

// All test processes share one PostgreSQL database in the server run, so they
// must share one master key too (each would otherwise generate its own).
process.env.MASTER_KEY ??= Buffer.alloc(32, 0x5a).toString("base64");
