import { AppError, type ErrorCode } from "@/lib/errors";

/** Every refusal of lib/pdf is an AppError with a PDF_* code; the message names the problem in English for logs. */
export function pdfError(code: ErrorCode, message: string, params: Record<string, string | number> = {}, cause?: unknown): AppError {
  return new AppError(code, message, { params, cause });
}

/** Hard limits: a hostile or broken file must end in an error, never a hang or an exhausted heap. */
export const PDF_LIMITS = {
  maxInputBytes: 1024 * 1024 * 1024,
  maxXrefSections: 512,
  maxObjectNumber: 8_388_607, // the PDF implementation limit for indirect objects
  maxObjectsRead: 200_000,
  maxTreeDepth: 64,
  maxDecodedStreamBytes: 64 * 1024 * 1024,
  maxFields: 100_000,
} as const;
