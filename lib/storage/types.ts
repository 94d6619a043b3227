// One interface for every blob the app keeps (signed PDFs, ID photos,
// invoices), so domain code never knows whether bytes live on local disk or
// in an S3-compatible bucket. Transports: local-storage.ts, s3-storage.ts.

export interface PutOptions {
  /** Kept as the object's Content-Type on S3; the local transport has nowhere to keep it and ignores it. */
  contentType?: string;
  /** Reject (PAYLOAD_TOO_LARGE) and keep nothing if the body is larger. Defaults to DEFAULT_MAX_BYTES. */
  maxBytes?: number;
}

export interface StoredObject {
  key: string;
  size: number;
  /** Hex SHA-256 of the stored bytes, computed while they were written. */
  sha256: string;
}

export type BlobBody = Uint8Array | ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>;

export interface BlobStorage {
  readonly name: "local" | "s3";
  put(key: string, body: BlobBody, opts?: PutOptions): Promise<StoredObject>;
  /** AppError NOT_FOUND if absent. */
  get(key: string): Promise<Uint8Array>;
  /** AppError NOT_FOUND if absent (checked before the stream is returned). */
  getStream(key: string): Promise<ReadableStream<Uint8Array>>;
  head(key: string): Promise<{ size: number } | null>;
  /** Idempotent: deleting a missing key succeeds. */
  delete(key: string): Promise<void>;
}

/**
 * Both transports share one default so code that works against local disk in
 * development does not start failing on S3 in production (which buffers the
 * body before upload, see s3-storage.ts).
 */
export const DEFAULT_MAX_BYTES = 100 * 1024 * 1024;
