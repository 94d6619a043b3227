import { createHash } from "node:crypto";
import { AppError } from "@/lib/errors";
import type { BlobBody } from "./types";

/**
 * Feeds every chunk of `body` to `write` while hashing and counting it, so a
 * transport gets size and SHA-256 in the same single pass that stores the
 * bytes. Throws PAYLOAD_TOO_LARGE before the chunk that crosses `maxBytes`
 * is written; the caller then discards what it has written so far.
 */
export async function meterBody(
  body: BlobBody,
  maxBytes: number,
  write: (chunk: Uint8Array) => Promise<void> | void,
): Promise<{ size: number; sha256: string }> {
  const hash = createHash("sha256");
  let size = 0;
  for await (const chunk of iterateBody(body)) {
    // A string chunk would be counted in UTF-16 units and hashed differently.
    if (!(chunk instanceof Uint8Array)) throw new AppError("INVALID_INPUT", "Blob body chunks must be Uint8Array");
    size += chunk.byteLength;
    if (size > maxBytes) {
      throw new AppError("PAYLOAD_TOO_LARGE", `Blob is larger than ${maxBytes} bytes`, { params: { maxBytes } });
    }
    hash.update(chunk);
    await write(chunk);
  }
  return { size, sha256: hash.digest("hex") };
}

function isReadableStream(body: BlobBody): body is ReadableStream<Uint8Array> {
  return typeof (body as ReadableStream<Uint8Array>).getReader === "function";
}

async function* iterateBody(body: BlobBody): AsyncGenerator<Uint8Array> {
  if (body instanceof Uint8Array) {
    yield body;
    return;
  }
  if (!isReadableStream(body)) {
    // `yield*` calls the source's return() when we stop early, releasing it.
    yield* body;
    return;
  }
  const reader = body.getReader();
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      yield value;
    }
    finished = true;
  } finally {
    // Aborting on maxBytes must also stop the producer (e.g. an upload).
    if (!finished) await reader.cancel().catch(() => {});
    reader.releaseLock();
  }
}
