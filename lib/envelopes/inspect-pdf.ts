import "server-only";
import { AppError } from "@/lib/errors";
import { inspectPdf as inspectWithEngine, type PdfInspection } from "@/lib/pdf";
import { uploadMaxBytes } from "./upload-limits";

/**
 * Everything an upload must pass before anything is stored: size, the %PDF
 * header, and the signing engine's own strict pre-flight (damaged files,
 * files needing a password, documents certified against further signatures).
 * Existing signatures are fine — we sign after them.
 */
export async function inspectPdf(bytes: Uint8Array): Promise<PdfInspection & { signatures: number }> {
  const max = uploadMaxBytes();
  if (bytes.length > max) throw new AppError("UPLOAD_TOO_LARGE", "upload too large", { params: { maxMb: Math.round(max / 1048576) } });
  const head = Buffer.from(bytes.subarray(0, Math.min(bytes.length, 1024))).toString("latin1");
  if (bytes.length < 8 || !head.includes("%PDF-")) throw new AppError("NOT_A_PDF", "no %PDF header");
  const report = inspectWithEngine(bytes);
  if (!report.canAddSignature) throw new AppError("PDF_CERTIFIED_NO_CHANGES", "certified with P=1");
  return { ...report, signatures: report.signatureCount };
}
