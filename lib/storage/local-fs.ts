import { open, rmdir, type FileHandle } from "node:fs/promises";
import { dirname, sep } from "node:path";

// File-system helpers for local-storage.ts, kept apart so the transport reads
// as the storage contract and these read as the POSIX details behind it.

/** The errno code of a Node system error ("ENOENT"); undefined for anything else, AppError included. */
export function errnoCode(err: unknown): string | undefined {
  if (typeof err !== "object" || err === null || !("syscall" in err) || !("code" in err)) return undefined;
  return String(err.code);
}

/** FileHandle.write may write less than asked; a short write would corrupt the blob silently. */
export async function writeFully(handle: FileHandle, chunk: Uint8Array): Promise<void> {
  let offset = 0;
  while (offset < chunk.byteLength) {
    const { bytesWritten } = await handle.write(chunk, offset, chunk.byteLength - offset);
    offset += bytesWritten;
  }
}

/** Makes the rename itself durable; not possible on every platform, so best effort. */
export async function syncDirectory(dir: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(dir, "r");
    await handle.sync();
  } catch {
    // Windows cannot open directories; the file itself is already fsynced.
  } finally {
    await handle?.close().catch(() => {});
  }
}

/** Removes now-empty directories up to (not including) the root, so deleted keys leave nothing behind. */
export async function pruneEmptyDirs(root: string, dir: string): Promise<void> {
  for (let current = dir; current.startsWith(root + sep); current = dirname(current)) {
    try {
      await rmdir(current);
    } catch {
      return; // not empty (or already gone): everything above is in use too
    }
  }
}

/** A web stream over an already-open file; closes the handle on end, error or cancel. */
export function openFileStream(handle: FileHandle, chunkSize = 64 * 1024): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const buffer = new Uint8Array(chunkSize);
        const { bytesRead } = await handle.read(buffer, 0, chunkSize, null);
        if (bytesRead === 0) {
          await handle.close();
          controller.close();
        } else {
          controller.enqueue(buffer.subarray(0, bytesRead));
        }
      } catch (err) {
        await handle.close().catch(() => {});
        controller.error(err);
      }
    },
    async cancel() {
      await handle.close().catch(() => {});
    },
  });
}
