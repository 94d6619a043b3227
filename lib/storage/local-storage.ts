import "server-only";
import { randomUUID } from "node:crypto";
import { mkdir, open, readFile, rename, stat, unlink, type FileHandle } from "node:fs/promises";
import { dirname, join, resolve, sep } from "node:path";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { assertBlobKey } from "./assert-blob-key";
import { errnoCode, openFileStream, pruneEmptyDirs, syncDirectory, writeFully } from "./local-fs";
import { meterBody } from "./meter-body";
import { DEFAULT_MAX_BYTES, type BlobStorage } from "./types";

// The default transport: one file per key under a directory, good for a
// single machine. Writes go to a temp file beside the target, are fsynced and
// renamed into place, so readers and concurrent writers only ever see a whole
// old object or a whole new one, and a crash leaves at most a stray *.TMP.
// Limitation vs S3: "a" and "a/b" cannot both exist (file vs directory).

const ABSENT = new Set(["ENOENT", "ENOTDIR", "EISDIR"]);

export function createLocalStorage({ root }: { root?: string } = {}): BlobStorage {
  const base = resolve(/* turbopackIgnore: true */ root ?? join(env().DATA_DIR, "blobs"));

  function pathOf(key: string): string {
    assertBlobKey(key);
    const path = resolve(base, key);
    // Defence in depth: the key grammar already forbids this.
    if (!path.startsWith(base + sep)) throw new AppError("INVALID_INPUT", "Blob key escapes the storage root");
    return path;
  }

  const notFound = (key: string) => new AppError("NOT_FOUND", `Blob ${key} not found`);

  return {
    name: "local",

    async put(key, body, opts = {}) {
      const target = pathOf(key);
      const dir = dirname(target);
      // Upper-case "TMP" can never be a valid key, so temp files never shadow
      // objects; no basename in it, so a 255-byte segment still fits the file system.
      const temp = join(dir, `.${randomUUID()}.TMP`);
      let handle: FileHandle | undefined;
      try {
        handle = await openTempFile(dir, temp);
        const file = handle;
        const result = await meterBody(body, opts.maxBytes ?? DEFAULT_MAX_BYTES, (chunk) => writeFully(file, chunk));
        await file.sync();
        await file.close();
        handle = undefined;
        await rename(temp, target);
        await syncDirectory(dir);
        return { key, ...result };
      } catch (err) {
        await handle?.close().catch(() => {});
        await unlink(temp).catch(() => {});
        await pruneEmptyDirs(base, dir);
        // The caller's body failing (upload reset, …) is theirs to see as it is.
        if (errnoCode(err) === undefined) throw err;
        throw new AppError("INTERNAL", `Local blob put of ${key} failed (${errnoCode(err)})`, { cause: err });
      }
    },

    async get(key) {
      try {
        const buf = await readFile(pathOf(key));
        return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
      } catch (err) {
        if (ABSENT.has(errnoCode(err) ?? "")) throw notFound(key);
        throw err;
      }
    },

    async getStream(key) {
      try {
        // Opening before returning makes a missing key fail here, and pins the
        // current inode so a concurrent overwrite cannot mix old and new bytes.
        const handle = await open(pathOf(key), "r");
        if (!(await handle.stat()).isFile()) {
          await handle.close();
          throw notFound(key);
        }
        return openFileStream(handle);
      } catch (err) {
        if (ABSENT.has(errnoCode(err) ?? "")) throw notFound(key);
        throw err;
      }
    },

    async head(key) {
      try {
        const s = await stat(pathOf(key));
        return s.isFile() ? { size: s.size } : null;
      } catch (err) {
        if (ABSENT.has(errnoCode(err) ?? "")) return null;
        throw err;
      }
    },

    async delete(key) {
      const path = pathOf(key);
      try {
        await unlink(path);
      } catch (err) {
        if (!ABSENT.has(errnoCode(err) ?? "") && errnoCode(err) !== "EPERM") throw err;
        return;
      }
      await pruneEmptyDirs(base, dirname(path));
    },
  };
}

/** A concurrent delete may prune `dir` between mkdir and open; try again. */
async function openTempFile(dir: string, temp: string): Promise<FileHandle> {
  for (let attempt = 0; ; attempt++) {
    await mkdir(dir, { recursive: true });
    try {
      return await open(temp, "wx", 0o600);
    } catch (err) {
      if (errnoCode(err) !== "ENOENT" || attempt >= 3) throw err;
    }
  }
}
