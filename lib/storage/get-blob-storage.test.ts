import { afterEach, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { createBlobStorageFromEnv, getBlobStorage, setBlobStorageForTests } from "./get-blob-storage";
import type { BlobStorage } from "./types";

const s3Env = {
  STORAGE_DRIVER: "s3",
  S3_ENDPOINT: "https://cos.ap-guangzhou.myqcloud.com",
  S3_REGION: "ap-guangzhou",
  S3_BUCKET: "blobs-1250000000",
  S3_ACCESS_KEY_ID: "AKIDID",
  S3_SECRET_ACCESS_KEY: "very-secret-value",
};

function configError(env: Record<string, string | undefined>): AppError {
  try {
    createBlobStorageFromEnv(env);
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return err as AppError;
  }
  throw new Error("expected a configuration error");
}

describe("getBlobStorage", () => {
  afterEach(() => setBlobStorageForTests(undefined));

  it("defaults to the local transport", () => {
    expect(createBlobStorageFromEnv({}).name).toBe("local");
    expect(createBlobStorageFromEnv({ STORAGE_DRIVER: "" }).name).toBe("local");
  });

  it("builds the s3 transport from S3_* variables", () => {
    expect(createBlobStorageFromEnv(s3Env).name).toBe("s3");
    expect(createBlobStorageFromEnv({ ...s3Env, S3_FORCE_PATH_STYLE: "false" }).name).toBe("s3");
  });

  it("names every missing variable and never echoes values", () => {
    const err = configError({ STORAGE_DRIVER: "s3", S3_SECRET_ACCESS_KEY: "very-secret-value", S3_ENDPOINT: "" });
    expect(err.message).toContain("S3_ENDPOINT");
    expect(err.message).toContain("S3_REGION");
    expect(err.message).toContain("S3_BUCKET");
    expect(err.message).toContain("S3_ACCESS_KEY_ID");
    expect(err.message).not.toContain("S3_SECRET_ACCESS_KEY");
    expect(err.message).not.toContain("very-secret-value");
  });

  it("rejects an unknown driver, a bad endpoint and a bad path-style flag", () => {
    expect(configError({ STORAGE_DRIVER: "gcs" }).message).toContain("STORAGE_DRIVER");
    expect(configError({ ...s3Env, S3_ENDPOINT: "not a url" }).message).toContain("S3_ENDPOINT");
    expect(configError({ ...s3Env, S3_FORCE_PATH_STYLE: "yes" }).message).toContain("S3_FORCE_PATH_STYLE");
  });

  it("caches one instance per process and lets tests override it", () => {
    const first = getBlobStorage();
    expect(getBlobStorage()).toBe(first);
    const fake = { name: "s3" } as BlobStorage;
    setBlobStorageForTests(fake);
    expect(getBlobStorage()).toBe(fake);
    setBlobStorageForTests(undefined);
    expect(getBlobStorage()).not.toBe(fake);
  });
});
