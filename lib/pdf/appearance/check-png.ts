import { pdfError } from "../pdf-error";

export const PNG_LIMITS = { maxBytes: 4 * 1024 * 1024, maxSide: 4096 } as const;

/** Reads the PNG header before decoding so an oversize or bogus image is refused cheaply. */
export function checkPng(png: Uint8Array): { width: number; height: number } {
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (png.length < 33 || sig.some((b, i) => png[i] !== b) || String.fromCharCode(...png.subarray(12, 16)) !== "IHDR") {
    throw pdfError("PDF_IMAGE_INVALID", "the signature image is not a PNG");
  }
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  if (png.length > PNG_LIMITS.maxBytes || width > PNG_LIMITS.maxSide || height > PNG_LIMITS.maxSide) {
    throw pdfError("PDF_IMAGE_TOO_LARGE", `the signature image is too large (max ${PNG_LIMITS.maxSide}×${PNG_LIMITS.maxSide} px, ${PNG_LIMITS.maxBytes / 1048576} MiB)`, {
      maxSide: PNG_LIMITS.maxSide,
    });
  }
  if (width === 0 || height === 0) throw pdfError("PDF_IMAGE_INVALID", "the signature image is empty");
  return { width, height };
}
