import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { describeBlobStorageContract, expectSameBytes } from "./blob-storage-contract";
import { createLocalStorage } from "./local-storage";

/** Files and empty directories under `root` (the things a failed or deleted put must not leave). */
async function listLeftovers(root: string): Promise<string[]> {
  const out: string[] = [];
  async function walk(dir: string): Promise<void> {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    if (entries.length === 0 && dir !== root) out.push(relative(root, dir));
    for (const e of entries) {
      if (e.isDirectory()) await walk(join(dir, e.name));
      else out.push(relative(root, join(dir, e.name)));
    }
  }
  await walk(root);
  return out.sort();
}

describeBlobStorageContract("local", async () => {
  const dir = await mkdtemp(join(tmpdir(), "blobs-"));
  const root = join(dir, "blobs");
  return {
    storage: createLocalStorage({ root }),
    leftovers: () => listLeftovers(root),
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
});

describe("local storage specifics", () => {
  const dirs: string[] = [];
  afterEach(async () => Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true }))));
  const tempDir = async () => {
    const d = await mkdtemp(join(tmpdir(), "blobs-"));
    dirs.push(d);
    return d;
  };

  it("cannot read or overwrite a file beside the root through traversal", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "secret.txt"), "do not leak");
    const storage = createLocalStorage({ root: join(dir, "blobs") });
    for (const key of ["../secret.txt", "a/../../secret.txt", `${dir}/secret.txt`]) {
      await expect(storage.get(key)).rejects.toBeInstanceOf(AppError);
      await expect(storage.put(key, new Uint8Array([0]))).rejects.toMatchObject({ code: "INVALID_INPUT" });
      await expect(storage.delete(key)).rejects.toMatchObject({ code: "INVALID_INPUT" });
    }
    expect(await readdir(dir)).toEqual(["secret.txt"]);
  });

  it("defaults to $DATA_DIR/blobs", async () => {
    // tests/helpers/setup.ts points DATA_DIR at a per-process temp directory.
    const storage = createLocalStorage();
    await storage.put("default-root-check.txt", new Uint8Array([42]));
    const files = await readdir(join(process.env.DATA_DIR!, "blobs"));
    expect(files).toContain("default-root-check.txt");
    await storage.delete("default-root-check.txt");
  });

  it("reports a key that is a directory of other keys as absent, and refuses to write over it", async () => {
    const storage = createLocalStorage({ root: join(await tempDir(), "blobs") });
    await storage.put("a/b.pdf", new Uint8Array([1]));
    expect(await storage.head("a")).toBeNull();
    await expect(storage.get("a")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(storage.put("a", new Uint8Array([2]))).rejects.toMatchObject({ code: "INTERNAL" });
    expect(await storage.get("a/b.pdf")).toEqual(new Uint8Array([1]));
  });

  it("keeps serving the old bytes to a stream opened before an overwrite", async () => {
    const storage = createLocalStorage({ root: join(await tempDir(), "blobs") });
    await storage.put("doc.pdf", new Uint8Array(200_000).fill(1));
    const stream = await storage.getStream("doc.pdf");
    await storage.put("doc.pdf", new Uint8Array(10).fill(2));
    const read = new Uint8Array(await new Response(stream).arrayBuffer());
    expectSameBytes(read, new Uint8Array(200_000).fill(1));
  });
});
