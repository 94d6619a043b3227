import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { createLocalStorage } from "./local-storage";
import { createS3Storage } from "./s3-storage";
import type { BlobStorage } from "./types";

// Picks the transport from the environment once per process. Storage settings
// are parsed here rather than in lib/env.ts because only STORAGE_DRIVER=s3
// needs them, and a local install must not be asked for S3 credentials.

// An empty variable (`FOO=`) means unset, as in lib/env.ts.
const blank = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema);

const DriverSchema = z.object({ STORAGE_DRIVER: blank(z.enum(["local", "s3"]).default("local")) });

const S3EnvSchema = z.object({
  S3_ENDPOINT: blank(z.string().url()),
  S3_REGION: blank(z.string().min(1)),
  S3_BUCKET: blank(z.string().min(1)),
  S3_ACCESS_KEY_ID: blank(z.string().min(1)),
  S3_SECRET_ACCESS_KEY: blank(z.string().min(1)),
  // Path style suits MinIO and most self-hosted stores; COS and OSS need "false".
  S3_FORCE_PATH_STYLE: blank(z.enum(["true", "false", "1", "0"]).default("true")).transform((v) => v === "true" || v === "1"),
});

let cached: BlobStorage | undefined;
let override: BlobStorage | undefined;

/** Names the offending variables only: values may be secrets. */
function invalidConfig(error: z.ZodError, context: string): AppError {
  const names = [...new Set(error.issues.map((i) => i.path.join(".")))].join(", ");
  return new AppError("INTERNAL", `Invalid storage configuration (${context}): missing or invalid ${names}`);
}

export function createBlobStorageFromEnv(environment: Record<string, string | undefined> = process.env): BlobStorage {
  const driver = DriverSchema.safeParse(environment);
  if (!driver.success) throw invalidConfig(driver.error, "STORAGE_DRIVER must be local or s3");
  if (driver.data.STORAGE_DRIVER === "local") return createLocalStorage();

  const s3 = S3EnvSchema.safeParse(environment);
  if (!s3.success) throw invalidConfig(s3.error, "STORAGE_DRIVER=s3");
  return createS3Storage({
    endpoint: s3.data.S3_ENDPOINT,
    region: s3.data.S3_REGION,
    bucket: s3.data.S3_BUCKET,
    accessKeyId: s3.data.S3_ACCESS_KEY_ID,
    secretAccessKey: s3.data.S3_SECRET_ACCESS_KEY,
    forcePathStyle: s3.data.S3_FORCE_PATH_STYLE,
  });
}

export function getBlobStorage(): BlobStorage {
  if (override) return override;
  cached ??= createBlobStorageFromEnv();
  return cached;
}

/** Tests swap in a storage (e.g. one on an S3 simulator); undefined restores the env choice, re-read. */
export function setBlobStorageForTests(storage: BlobStorage | undefined): void {
  override = storage;
  cached = undefined;
}
