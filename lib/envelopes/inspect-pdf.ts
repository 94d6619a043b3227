import "server-only";
import { AppError } from "@/lib/errors";
import { inspectPdf as inspectWithEngine, type PdfInspection } from "@/lib/pdf";
import { assertPdfBytes } from "./upload-limits";

/**
 * Everything an upload must pass before anything is stored: size, the %PDF
 * header, and the signing engine's own strict pre-flight (damaged files,
 * files needing a password, documents certified against further signatures).
 * Existing signatures are fine — we sign after them.
 */
export async function inspectPdf(bytes: Uint8Array): Promise<PdfInspection & { signatures: number }> {
  assertPdfBytes(bytes);
  const report = inspectWithEngine(bytes);
  if (!report.canAddSignature) throw new AppError("PDF_CERTIFIED_NO_CHANGES", "certified with P=1");
  return { ...report, signatures: report.signatureCount };
}
