// Decodes uploaded JPEG/PNG bytes to packed RGB without native dependencies
// (no canvas, no sharp), so the same code runs in any Node container.
import jpeg from "jpeg-js";
import { PNG } from "pngjs";

/** Packed 8-bit RGB, row-major, 3 bytes per pixel. */
export interface RgbImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/** Above this many pixels a phone upload is refused rather than decoded (memory). */
export const MAX_DECODE_PIXELS = 4096 * 4096;

export class ImageDecodeError extends Error {}

export function decodeImage(bytes: Uint8Array): RgbImage {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf[0] === 0xff && buf[1] === 0xd8) return decodeJpeg(buf);
  if (buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return decodePng(buf);
  throw new ImageDecodeError("not a JPEG or PNG image");
}

function decodeJpeg(buf: Buffer): RgbImage {
  try {
    const maxResolutionInMP = MAX_DECODE_PIXELS / 1_000_000;
    const img = jpeg.decode(buf, { useTArray: true, formatAsRGBA: false, maxResolutionInMP, maxMemoryUsageInMB: 256 });
    return { width: img.width, height: img.height, data: img.data };
  } catch (err) {
    throw new ImageDecodeError(`JPEG decode failed: ${(err as Error).message}`);
  }
}

function decodePng(buf: Buffer): RgbImage {
  // Refuse decompression bombs from the IHDR header, before inflating anything.
  if (buf.length < 24 || buf.readUInt32BE(16) * buf.readUInt32BE(20) > MAX_DECODE_PIXELS) {
    throw new ImageDecodeError("image too large or truncated");
  }
  let png: { width: number; height: number; data: Buffer };
  try {
    png = PNG.sync.read(buf);
  } catch (err) {
    throw new ImageDecodeError(`PNG decode failed: ${(err as Error).message}`);
  }
  // pngjs always yields RGBA; drop alpha (composited over nothing — ID photos are opaque).
  const data = new Uint8Array(png.width * png.height * 3);
  for (let i = 0, j = 0; i < png.data.length; i += 4) {
    data[j++] = png.data[i];
    data[j++] = png.data[i + 1];
    data[j++] = png.data[i + 2];
  }
  return { width: png.width, height: png.height, data };
}

export function encodeJpeg(image: RgbImage, quality = 90): Uint8Array {
  const rgba = Buffer.alloc(image.width * image.height * 4);
  for (let i = 0, j = 0; j < image.data.length; i += 4, j += 3) {
    rgba[i] = image.data[j];
    rgba[i + 1] = image.data[j + 1];
    rgba[i + 2] = image.data[j + 2];
    rgba[i + 3] = 255;
  }
  return new Uint8Array(jpeg.encode({ data: rgba, width: image.width, height: image.height }, quality).data);
}
