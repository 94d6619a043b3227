import { z } from "zod";

// An empty variable (`FOO=`) means unset, as shells and .env files intend.
const blank = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema);

// One validated view of the environment. Read lazily so tests and scripts can
// set variables before the first call.
const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: blank(z.string().url().optional()),
  DATA_DIR: z.string().min(1).default("./data"),
  AUTH_SECRET: blank(z.string().min(32).optional()),
  APP_URL: blank(z.string().url().optional()),
  ADMIN_PHONE: blank(
    z
      .string()
      .regex(/^1[3-9]\d{9}$/)
      .optional(),
  ),
  SMS_PROVIDER: blank(z.enum(["outbox", "tencent", "aliyun"]).optional()),
  /** How many reverse proxies in front of the app append to X-Forwarded-For. */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
});

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = EnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => i.path.join(".")).join(", ");
    throw new Error(`Invalid environment: ${fields}`);
  }
  cached = parsed.data;
  return cached;
}

/** Tests change the environment between suites; let them drop the cache. */
export function resetEnvCache(): void {
  cached = undefined;
}

export function isProduction(): boolean {
  return env().NODE_ENV === "production";
}
