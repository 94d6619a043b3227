// Public API of the PDF signing engine. Pure library: no Next.js, no database.
export { signPdf } from "./sign-pdf";
export { describePage, inspectPdf, type PdfInspection } from "./inspect-pdf";
export { repairPdf } from "./repair-pdf";
export { verifyPdf, type PdfVerification, type SignatureReport } from "./verify/verify-pdf";
export type { ChainResult, ChainStatus } from "./verify/check-chain";
export type { ChangesAfter } from "./verify/classify-changes";
export type {
  PdfSigner,
  PdfTimestamper,
  SignPdfOptions,
  SignPdfResult,
  SignatureAppearance,
  VisibleRect,
} from "./types";
export { PDF_LIMITS } from "./pdf-error";
export { PNG_LIMITS } from "./appearance/check-png";
