import { AppError } from "@/lib/errors";
import { assertBlobKey } from "./assert-blob-key";
import { meterBody } from "./meter-body";
import { EMPTY_SHA256, encodeRfc3986, signSigV4 } from "./sign-sigv4";
import { DEFAULT_MAX_BYTES, type BlobStorage } from "./types";

// S3-compatible object storage (AWS S3, Tencent COS, Aliyun OSS in S3 mode,
// MinIO) over plain fetch + our own SigV4 signer.
//
// PUT buffers the body in memory, up to maxBytes (default 100 MB), before
// sending it: that lets us sign the real SHA-256 in x-amz-content-sha256 (so
// the store rejects a corrupted upload) and send a Content-Length, which
// single-request PutObject needs. Our blobs (PDFs, photos, invoices) are far
// below that; multipart upload would be the next step if they were not.

export interface S3StorageOptions {
  /** e.g. "https://s3.amazonaws.com", "https://cos.ap-guangzhou.myqcloud.com", "http://127.0.0.1:9000" */
  endpoint: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** true: https://host/bucket/key (MinIO, simulators); false: https://bucket.host/key (COS and OSS require this). */
  forcePathStyle?: boolean;
  fetch?: typeof fetch;
  now?: () => Date;
}

interface SendInit {
  body?: Uint8Array<ArrayBuffer>;
  payloadHash?: string;
  headers?: Record<string, string>;
}

/** S3's error Code from its XML error body, e.g. <Error><Code>NoSuchKey</Code>…. */
async function readErrorCode(res: Response): Promise<string | undefined> {
  const text = await res.text().catch(() => "");
  return /<Code>([^<]{1,100})<\/Code>/.exec(text)?.[1];
}

export function createS3Storage(o: S3StorageOptions): BlobStorage {
  const { bucket, region, forcePathStyle = true } = o;
  const base = new URL(o.endpoint);
  const prefix = base.pathname.replace(/\/+$/, "");
  const doFetch = o.fetch ?? fetch;
  const now = o.now ?? (() => new Date());
  const credentials = { accessKeyId: o.accessKeyId, secretAccessKey: o.secretAccessKey };

  function urlOf(key: string): URL {
    assertBlobKey(key);
    const path = key.split("/").map(encodeRfc3986).join("/");
    return forcePathStyle
      ? new URL(`${base.origin}${prefix}/${encodeRfc3986(bucket)}/${path}`)
      : new URL(`${base.protocol}//${bucket}.${base.host}${prefix}/${path}`);
  }

  async function send(method: string, key: string, init: SendInit = {}): Promise<Response> {
    const url = urlOf(key);
    const payloadHash = init.payloadHash ?? EMPTY_SHA256;
    const headers = signSigV4({ method, url, headers: init.headers, payloadHash, region, service: "s3", credentials, now: now() });
    try {
      return await doFetch(url, { method, headers, body: init.body });
    } catch (cause) {
      throw new AppError("INTERNAL", `S3 ${method} ${key}: request failed`, { cause });
    }
  }

  /** Names S3's error Code (e.g. SignatureDoesNotMatch) so it can be diagnosed; never credentials. */
  function failure(res: Response, method: string, key: string, code?: string): AppError {
    return new AppError("INTERNAL", `S3 ${method} ${key} failed: HTTP ${res.status}${code ? ` ${code}` : ""}`);
  }

  async function openObject(key: string): Promise<Response> {
    const res = await send("GET", key);
    if (res.ok) return res;
    const code = await readErrorCode(res);
    // NoSuchKey (or a bare 404) is absence; NoSuchBucket is misconfiguration and must not look like absence.
    if (res.status === 404 && (code === undefined || code === "NoSuchKey")) {
      throw new AppError("NOT_FOUND", `Blob ${key} not found`);
    }
    throw failure(res, "GET", key, code);
  }

  return {
    name: "s3",

    async put(key, body, opts = {}) {
      urlOf(key); // validate before reading the body
      const chunks: Uint8Array[] = [];
      const meta = await meterBody(body, opts.maxBytes ?? DEFAULT_MAX_BYTES, (chunk) => void chunks.push(chunk));
      const headers: Record<string, string> = {};
      if (opts.contentType) headers["content-type"] = opts.contentType;
      const res = await send("PUT", key, { body: Buffer.concat(chunks), payloadHash: meta.sha256, headers });
      if (!res.ok) throw failure(res, "PUT", key, await readErrorCode(res));
      await res.body?.cancel();
      return { key, ...meta };
    },

    async get(key) {
      const res = await openObject(key);
      return new Uint8Array(await res.arrayBuffer());
    },

    async getStream(key) {
      const res = await openObject(key);
      return res.body ?? new ReadableStream<Uint8Array>({ start: (c) => c.close() });
    },

    async head(key) {
      const res = await send("HEAD", key);
      if (res.status === 404) return null;
      if (!res.ok) throw failure(res, "HEAD", key); // HEAD errors carry no body, so no Code
      return { size: Number(res.headers.get("content-length") ?? 0) };
    },

    async delete(key) {
      const res = await send("DELETE", key);
      // S3 answers 204 for a missing key too; 404 from stricter clones is also "already gone".
      if (!res.ok && res.status !== 404) throw failure(res, "DELETE", key, await readErrorCode(res));
      await res.body?.cancel();
    },
  };
}
