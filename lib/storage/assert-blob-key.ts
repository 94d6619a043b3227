import { AppError } from "@/lib/errors";

// Keys become file paths (local) and URL paths (S3). A key that could climb
// out of the storage root ("../", absolute paths) or alias another key
// ("a//b", "a/./b", "A" vs "a" on case-insensitive disks) is a security bug,
// so the same strict grammar guards both transports.
const KEY_PATTERN = /^[a-z0-9][a-z0-9/_.-]{0,255}$/;
/** Most file systems cap a file name at 255 bytes; a key must be valid on every transport. */
const MAX_SEGMENT = 255;

export function isValidBlobKey(key: unknown): key is string {
  if (typeof key !== "string" || !KEY_PATTERN.test(key)) return false;
  return key
    .split("/")
    .every((segment) => segment !== "" && segment !== "." && segment !== ".." && segment.length <= MAX_SEGMENT);
}

export function assertBlobKey(key: unknown): asserts key is string {
  if (isValidBlobKey(key)) return;
  const shown = typeof key === "string" ? JSON.stringify(key.slice(0, 64)) : typeof key;
  throw new AppError("INVALID_INPUT", `Invalid blob key ${shown}`, { fieldErrors: { key: "invalid" } });
}
