import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { startTencentSmsSimulator } from "../sim/tencent-sms-simulator";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    smsInboxUrl: string;
    adminPhone: string;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

async function waitForServer(url: string, child: ChildProcess, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`app server exited with ${child.exitCode}`);
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`app server did not answer at ${url}`);
}

/** The seeded administrator of the E2E server (no test registers with it). */
const E2E_ADMIN_PHONE = "13900000009";

export default async function setup(project: TestProject) {
  if (!existsSync(".next/BUILD_ID") || !existsSync("public/sw.js") || process.env.E2E_REBUILD === "1") {
    const r = spawnSync("npm", ["run", "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    if (r.status !== 0) throw new Error("production build failed");
  }
  const credentials = { secretId: "AKIDsimulator0000000000000000000", secretKey: randomBytes(16).toString("hex") };
  const sim = await startTencentSmsSimulator(credentials);
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), "cloudsign-e2e-"));
  const env = { ...process.env };
  delete env.DATABASE_URL;
  const server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: {
      ...env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATA_DIR: dataDir,
      // The embedded database unless the run asks for a server.
      DATABASE_URL: process.env.E2E_DATABASE_URL,
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      MASTER_KEY: randomBytes(32).toString("base64"),
      SMS_PROVIDER: "tencent",
      TENCENTCLOUD_SECRET_ID: credentials.secretId,
      TENCENTCLOUD_SECRET_KEY: credentials.secretKey,
      TENCENT_SMS_SDK_APP_ID: "1400000000",
      TENCENT_SMS_SIGN_NAME: "云签署",
      TENCENT_SMS_TEMPLATE_IDS: JSON.stringify({ login: "1001", register: "1002", confirm: "1003", renew: "1004", unlock: "1005", notify: "1006" }),
      TENCENT_SMS_ENDPOINT: sim.endpoint,
      ADMIN_PHONE: E2E_ADMIN_PHONE,
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForServer(`${baseUrl}/manifest.webmanifest`, server);
  project.provide("baseUrl", baseUrl);
  project.provide("smsInboxUrl", `${sim.endpoint}__inbox/`);
  project.provide("adminPhone", E2E_ADMIN_PHONE);

  return async () => {
    server.kill("SIGTERM");
    await sim.close();
  };
}
