import { AppError } from "@/lib/errors";

// Configurable: UPLOAD_MAX_MB (default 100).
export function uploadMaxBytes(): number {
  const mb = Number(process.env.UPLOAD_MAX_MB ?? 100);
  return (Number.isFinite(mb) && mb > 0 ? mb : 100) * 1024 * 1024;
}

export const HEAD_BYTES = 1024;

/** Room for the multipart envelope around the file itself. */
const MULTIPART_SLACK = 64 * 1024;

function uploadTooLarge(): AppError {
  return new AppError("UPLOAD_TOO_LARGE", "upload too large", { params: { maxMb: Math.round(uploadMaxBytes() / 1048576) } });
}

/** Refuses a clearly oversized PDF upload from its Content-Length, before reading the body. */
export function assertUploadRequestSize(req: Request): void {
  if (Number(req.headers.get("content-length") ?? 0) > uploadMaxBytes() + MULTIPART_SLACK) throw uploadTooLarge();
}

/** The first checks every uploaded PDF gets: within the limit, and a %PDF header in its first KiB. */
export function assertPdfBytes(bytes: Uint8Array): void {
  if (bytes.length > uploadMaxBytes()) throw uploadTooLarge();
  const head = Buffer.from(bytes.subarray(0, Math.min(bytes.length, HEAD_BYTES))).toString("latin1");
  if (bytes.length < 8 || !head.includes("%PDF-")) throw new AppError("NOT_A_PDF", "no %PDF header");
}
