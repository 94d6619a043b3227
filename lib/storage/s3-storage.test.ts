import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { startS3Simulator } from "@/tests/sim/s3-simulator";
import { describeBlobStorageContract } from "./blob-storage-contract";
import { createS3Storage, type S3StorageOptions } from "./s3-storage";
import { sha256Hex } from "./sign-sigv4";

const credentials = { accessKeyId: "AKIACLOUDSIGNTEST", secretAccessKey: "s3cr3t/Key+WithSymbols=" };
const bucket = "cloudsign-blobs";

describeBlobStorageContract("s3 (simulator)", async () => {
  const sim = await startS3Simulator({ ...credentials, bucket });
  return {
    storage: createS3Storage({ endpoint: sim.endpoint, region: "us-east-1", bucket, ...credentials }),
    leftovers: async () => sim.objectKeys(),
    dispose: () => sim.close(),
  };
});

describe("s3 storage specifics", () => {
  let sim: Awaited<ReturnType<typeof startS3Simulator>>;
  let base: S3StorageOptions;
  beforeEach(async () => {
    sim = await startS3Simulator({ ...credentials, bucket });
    base = { endpoint: sim.endpoint, region: "ap-guangzhou", bucket, ...credentials };
  });
  afterEach(async () => sim.close());

  it("fails with the S3 error code and never the secret when the secret is wrong", async () => {
    const wrong = createS3Storage({ ...base, secretAccessKey: "not-the-secret" });
    for (const attempt of [() => wrong.put("a.pdf", new Uint8Array([1])), () => wrong.get("a.pdf"), () => wrong.delete("a.pdf")]) {
      const err = await attempt().then(() => undefined, (e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe("INTERNAL");
      expect((err as AppError).message).toMatch(/HTTP 403 SignatureDoesNotMatch/);
      const shown = JSON.stringify({ message: (err as AppError).message, params: (err as AppError).params, stack: (err as AppError).stack });
      expect(shown).not.toContain("not-the-secret");
      expect(shown).not.toContain(credentials.secretAccessKey);
    }
    // HEAD carries no error body; a refused HEAD must still not look like "absent".
    await expect(wrong.head("a.pdf")).rejects.toMatchObject({ code: "INTERNAL", message: expect.stringContaining("HTTP 403") });
    expect(sim.objectKeys()).toEqual([]);
  });

  it("names an unknown access key", async () => {
    const stranger = createS3Storage({ ...base, accessKeyId: "AKIASTRANGER" });
    await expect(stranger.get("a.pdf")).rejects.toMatchObject({ code: "INTERNAL", message: expect.stringContaining("InvalidAccessKeyId") });
  });

  it("signs PUTs with the real payload hash, not UNSIGNED-PAYLOAD", async () => {
    const body = new TextEncoder().encode("%PDF-1.7 signed contract");
    await createS3Storage(base).put("contracts/c1.pdf", body, { contentType: "application/pdf" });
    const put = sim.requests.find((r) => r.method === "PUT");
    expect(put).toMatchObject({ key: "contracts/c1.pdf", payloadHash: sha256Hex(body), status: 200 });
  });

  it("sends nothing when the body exceeds maxBytes", async () => {
    await expect(createS3Storage(base).put("big.bin", new Uint8Array(11), { maxBytes: 10 })).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
    expect(sim.requests).toEqual([]);
  });

  it("treats a missing bucket as misconfiguration, not as a missing object", async () => {
    const elsewhere = createS3Storage({ ...base, bucket: "no-such-bucket" });
    await expect(elsewhere.get("a.pdf")).rejects.toMatchObject({ code: "INTERNAL", message: expect.stringContaining("NoSuchBucket") });
  });

  it("uses the injected clock, which the store checks", async () => {
    const stale = createS3Storage({ ...base, now: () => new Date(Date.now() - 60 * 60_000) });
    await expect(stale.get("a.pdf")).rejects.toMatchObject({ message: expect.stringContaining("RequestTimeTooSkewed") });
  });

  it("addresses virtual-hosted buckets when path style is off (COS, OSS)", async () => {
    const urls: string[] = [];
    const fakeFetch = (async (url: URL | RequestInfo) => {
      urls.push(String(url));
      return new Response(null, { status: 404 });
    }) as typeof fetch;
    const storage = createS3Storage({
      ...base,
      endpoint: "https://cos.ap-guangzhou.myqcloud.com",
      bucket: "blobs-1250000000",
      forcePathStyle: false,
      fetch: fakeFetch,
    });
    expect(await storage.head("ids/u1/front.jpg")).toBeNull();
    expect(urls).toEqual(["https://blobs-1250000000.cos.ap-guangzhou.myqcloud.com/ids/u1/front.jpg"]);
  });

  it("turns a network failure into INTERNAL without leaking credentials", async () => {
    await sim.close();
    const err = await createS3Storage(base).get("a.pdf").then(() => undefined, (e: unknown) => e);
    expect(err).toMatchObject({ code: "INTERNAL" });
    expect(String((err as Error).message)).not.toContain(credentials.secretAccessKey);
    sim = await startS3Simulator({ ...credentials, bucket }); // for afterEach
  });
});
