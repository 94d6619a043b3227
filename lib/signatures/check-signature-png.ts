import { AppError } from "@/lib/errors";
import { decodePngRgba } from "./decode-png-rgba";

export const SIGNATURE_PNG_LIMITS = { maxBytes: 200 * 1024, maxWidth: 1600, maxHeight: 800, minInkPixels: 60 } as const;

/**
 * The browser trims and compresses the drawing; the server still checks it is
 * a real, small RGBA PNG with enough ink, since anyone can post any bytes.
 */
export function checkSignaturePng(png: Uint8Array): { width: number; height: number } {
  if (png.length > SIGNATURE_PNG_LIMITS.maxBytes) {
    throw new AppError("SIGNATURE_IMAGE_INVALID", "too many bytes", { params: { reason: "size" } });
  }
  const img = decodePngRgba(png, SIGNATURE_PNG_LIMITS.maxWidth * SIGNATURE_PNG_LIMITS.maxHeight);
  if (!img || img.width > SIGNATURE_PNG_LIMITS.maxWidth || img.height > SIGNATURE_PNG_LIMITS.maxHeight) {
    throw new AppError("SIGNATURE_IMAGE_INVALID", "not an RGBA PNG within limits", { params: { reason: "format" } });
  }
  let ink = 0;
  for (let i = 3; i < img.pixels.length; i += 4) if (img.pixels[i]! > 32) ink++;
  if (ink < SIGNATURE_PNG_LIMITS.minInkPixels) {
    throw new AppError("SIGNATURE_EMPTY", "no ink");
  }
  return { width: img.width, height: img.height };
}
