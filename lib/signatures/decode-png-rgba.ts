import { PNG } from "pngjs";

// What browsers' canvas.toBlob("image/png") writes is 8-bit RGBA (colour
// type 6), not interlaced; anything else is refused. The header is read first
// so dimensions are bounded before pngjs inflates anything.

export interface RgbaImage {
  width: number;
  height: number;
  pixels: Uint8Array; // width * height * 4
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function decodePngRgba(png: Uint8Array, maxPixels = 4_000_000): RgbaImage | null {
  const buf = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  if (buf.length < 45 || !buf.subarray(0, 8).equals(SIGNATURE) || buf.toString("latin1", 12, 16) !== "IHDR") return null;
  const width = buf.readUInt32BE(16);
  const height = buf.readUInt32BE(20);
  const [depth, colour, , , interlace] = [buf[24], buf[25], buf[26], buf[27], buf[28]];
  if (depth !== 8 || colour !== 6 || interlace !== 0 || width === 0 || height === 0 || width * height > maxPixels) return null;
  try {
    const decoded = PNG.sync.read(buf);
    return { width: decoded.width, height: decoded.height, pixels: new Uint8Array(decoded.data.buffer, decoded.data.byteOffset, decoded.data.byteLength) };
  } catch {
    return null;
  }
}
