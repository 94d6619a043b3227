export { getBlobStorage, setBlobStorageForTests, createBlobStorageFromEnv } from "./get-blob-storage";
export { createLocalStorage } from "./local-storage";
export { createS3Storage, type S3StorageOptions } from "./s3-storage";
export { assertBlobKey, isValidBlobKey } from "./assert-blob-key";
export { DEFAULT_MAX_BYTES } from "./types";
export type { BlobBody, BlobStorage, PutOptions, StoredObject } from "./types";
