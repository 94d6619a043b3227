import { createHash, randomBytes } from "node:crypto";
import { beforeEach, afterEach, describe, expect, it } from "vitest";
import { AppError, type ErrorCode } from "@/lib/errors";
import type { BlobStorage } from "./types";

// One behavioural contract for every transport: local-storage.test.ts and
// s3-storage.test.ts both run it, so domain code can rely on the same answers
// whichever STORAGE_DRIVER is configured.

export interface ContractFixture {
  storage: BlobStorage;
  /** Everything the transport holds, sorted: object keys, or files (temp files too) and empty directories. */
  leftovers(): Promise<string[]>;
  dispose(): Promise<void>;
}

const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
const concat = (parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));

/** Exported for the transport-specific tests; deep toEqual on 200 kB arrays takes a second each. */
export function expectSameBytes(actual: Uint8Array, expected: Uint8Array): void {
  expect(actual).toBeInstanceOf(Uint8Array);
  expect(actual.length).toBe(expected.length);
  expect(sha256(actual)).toBe(sha256(expected));
}

async function expectAppError(promise: Promise<unknown>, code: ErrorCode): Promise<AppError> {
  const err = await promise.then(() => undefined, (e: unknown) => e);
  expect(err, `expected AppError ${code}`).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
  return err as AppError;
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  const reader = stream.getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) parts.push(r.value);
  return concat(parts);
}

/** Yields `bytes` in chunks, pausing between them so concurrent writers really interleave. */
async function* chunked(bytes: Uint8Array, size: number, pulled = { count: 0 }): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) {
    pulled.count++;
    await new Promise((r) => setImmediate(r));
    yield bytes.subarray(i, i + size);
  }
}

function toReadableStream(bytes: Uint8Array, size: number): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream<Uint8Array>({
    pull(c) {
      if (offset >= bytes.length) return c.close();
      c.enqueue(bytes.slice(offset, (offset += size)));
    },
  });
}

export function describeBlobStorageContract(label: string, setup: () => Promise<ContractFixture>): void {
  describe(`BlobStorage contract: ${label}`, () => {
    let fx: ContractFixture;
    let storage: BlobStorage;
    beforeEach(async () => {
      fx = await setup();
      storage = fx.storage;
    });
    afterEach(async () => fx.dispose());

    it("round-trips bytes and reports size and a correct sha256", async () => {
      const bytes = new Uint8Array(randomBytes(200_000));
      const stored = await storage.put("docs/2026/contract-1.pdf", bytes, { contentType: "application/pdf" });
      expect(stored).toEqual({ key: "docs/2026/contract-1.pdf", size: 200_000, sha256: sha256(bytes) });
      expectSameBytes(await storage.get("docs/2026/contract-1.pdf"), bytes);
      expectSameBytes(await readAll(await storage.getStream("docs/2026/contract-1.pdf")), bytes);
      expect(await storage.head("docs/2026/contract-1.pdf")).toEqual({ size: 200_000 });
    });

    it("stores an empty object", async () => {
      const stored = await storage.put("empty.bin", new Uint8Array());
      expect(stored.sha256).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
      expect(await storage.get("empty.bin")).toEqual(new Uint8Array());
      expect(await storage.head("empty.bin")).toEqual({ size: 0 });
    });

    it("overwrites an existing key", async () => {
      await storage.put("photo.jpg", new Uint8Array([1, 2, 3, 4, 5]));
      await storage.put("photo.jpg", new Uint8Array([9, 8]));
      expect(await storage.get("photo.jpg")).toEqual(new Uint8Array([9, 8]));
      expect(await storage.head("photo.jpg")).toEqual({ size: 2 });
    });

    it("reports a missing key as NOT_FOUND / null", async () => {
      await expectAppError(storage.get("nope.pdf"), "NOT_FOUND");
      await expectAppError(storage.getStream("nope.pdf"), "NOT_FOUND");
      await expectAppError(storage.get("nope/deeper.pdf"), "NOT_FOUND");
      expect(await storage.head("nope.pdf")).toBeNull();
    });

    it("deletes idempotently and leaves nothing behind", async () => {
      await storage.put("inv/2026/a.pdf", new Uint8Array([1]));
      await storage.delete("inv/2026/a.pdf");
      expect(await storage.head("inv/2026/a.pdf")).toBeNull();
      await expectAppError(storage.get("inv/2026/a.pdf"), "NOT_FOUND");
      await storage.delete("inv/2026/a.pdf");
      await storage.delete("never/existed.pdf");
      expect(await fx.leftovers()).toEqual([]);
    });

    it("accepts a ReadableStream body", async () => {
      const bytes = new Uint8Array(randomBytes(150_000));
      const stored = await storage.put("stream/web.bin", toReadableStream(bytes, 7_000));
      expect(stored).toMatchObject({ size: bytes.length, sha256: sha256(bytes) });
      expectSameBytes(await storage.get("stream/web.bin"), bytes);
    });

    it("accepts an async iterable body", async () => {
      const bytes = new Uint8Array(randomBytes(150_000));
      const stored = await storage.put("stream/iter.bin", chunked(bytes, 10_000));
      expect(stored).toMatchObject({ size: bytes.length, sha256: sha256(bytes) });
      expectSameBytes(await readAll(await storage.getStream("stream/iter.bin")), bytes);
    });

    it("enforces maxBytes while streaming, stops the source and keeps nothing", async () => {
      await storage.put("limit/exact.bin", new Uint8Array(1000), { maxBytes: 1000 });
      await storage.delete("limit/exact.bin");
      const pulled = { count: 0 };
      const err = await expectAppError(
        storage.put("limit/big.bin", chunked(new Uint8Array(100_000), 1_000, pulled), { maxBytes: 5_000 }),
        "PAYLOAD_TOO_LARGE",
      );
      expect(err.params.maxBytes).toBe(5_000);
      expect(pulled.count).toBeLessThanOrEqual(6); // aborted at the limit, not after reading everything
      await expectAppError(storage.put("limit/web.bin", toReadableStream(new Uint8Array(9_000), 1_000), { maxBytes: 5_000 }), "PAYLOAD_TOO_LARGE");
      expect(await storage.head("limit/big.bin")).toBeNull();
      expect(await fx.leftovers()).toEqual([]);
    });

    it("keeps the previous object when a replacing put fails", async () => {
      const old = new Uint8Array([7, 7, 7]);
      await storage.put("keep.bin", old);
      await expectAppError(storage.put("keep.bin", new Uint8Array(10), { maxBytes: 5 }), "PAYLOAD_TOO_LARGE");
      async function* broken() {
        yield new Uint8Array([1, 2]);
        throw new Error("upload connection reset");
      }
      await expect(storage.put("keep.bin", broken())).rejects.toThrow("upload connection reset");
      expect(await storage.get("keep.bin")).toEqual(old);
      expect(await fx.leftovers()).toEqual(["keep.bin"]);
    });

    it.each(["../x", "/abs", "a//b", "a/../../b", "a/./b", "a/", "Upper.pdf", "", "x".repeat(300), "x".repeat(256), "a\\b", "a b", "a\n", "é.pdf"])(
      "rejects the bad key %j on every operation",
      async (key) => {
        await expectAppError(storage.put(key, new Uint8Array([1])), "INVALID_INPUT");
        await expectAppError(storage.get(key), "INVALID_INPUT");
        await expectAppError(storage.getStream(key), "INVALID_INPUT");
        await expectAppError(storage.head(key), "INVALID_INPUT");
        await expectAppError(storage.delete(key), "INVALID_INPUT");
        expect(await fx.leftovers()).toEqual([]);
      },
    );

    it("accepts the longest valid key", async () => {
      const key = `${"k".repeat(254)}/k`; // 256 characters; "x".repeat(256) fails only on its segment length
      expect(key).toHaveLength(256);
      await storage.put(key, new Uint8Array([1]));
      expect(await storage.head(key)).toEqual({ size: 1 });
    });

    it("ends concurrent puts to one key with exactly one complete object", async () => {
      const size = 96 * 1024;
      const bodies = Array.from({ length: 8 }, (_, i) => new Uint8Array(size).fill(i + 1));
      const results = await Promise.all(bodies.map((b) => storage.put("race/same.bin", chunked(b, 4096))));
      const final = await storage.get("race/same.bin");
      const winner = bodies.find((b) => b[0] === final[0]);
      expectSameBytes(final, winner!); // not a mix of two writers, not truncated
      expect(results.map((r) => r.sha256)).toContain(sha256(final));
      expect(await fx.leftovers()).toEqual(["race/same.bin"]); // no temp files from the losers
    });
  });
}
