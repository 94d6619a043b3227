// Grey-level and box-downscaled copies of a photo for the card locator: edge
// finding runs on a small image (speed, and averaging suppresses JPEG noise
// and paper texture), the final warp samples the photo itself.
import type { RgbImage } from "../face/decode-image";

export interface GrayImage {
  width: number;
  height: number;
  data: Float32Array;
}

/** Luma, box-averaged by the smallest integer factor that brings the longer side to ≤ maxSide. */
export function toGray(img: RgbImage, maxSide: number): { gray: GrayImage; factor: number } {
  const factor = Math.max(1, Math.ceil(Math.max(img.width, img.height) / maxSide));
  const width = Math.floor(img.width / factor), height = Math.floor(img.height / factor);
  const data = new Float32Array(width * height);
  for (let y = 0; y < height * factor; y++) {
    const row = Math.floor(y / factor) * width;
    for (let x = 0; x < width * factor; x++) {
      const o = (y * img.width + x) * 3;
      data[row + Math.floor(x / factor)] += 0.299 * img.data[o] + 0.587 * img.data[o + 1] + 0.114 * img.data[o + 2];
    }
  }
  const n = factor * factor;
  for (let i = 0; i < data.length; i++) data[i] /= n;
  return { gray: { width, height, data }, factor };
}

/** Integer box downscale of an RGB image (anti-aliasing before a bilinear warp shrinks it further). */
export function downscaleImage(img: RgbImage, factor: number): RgbImage {
  if (factor <= 1) return img;
  const width = Math.floor(img.width / factor), height = Math.floor(img.height / factor);
  const sum = new Uint32Array(width * height * 3);
  for (let y = 0; y < height * factor; y++) {
    const row = Math.floor(y / factor) * width;
    for (let x = 0; x < width * factor; x++) {
      const o = (y * img.width + x) * 3, t = (row + Math.floor(x / factor)) * 3;
      sum[t] += img.data[o];
      sum[t + 1] += img.data[o + 1];
      sum[t + 2] += img.data[o + 2];
    }
  }
  const data = new Uint8Array(sum.length), n = factor * factor;
  for (let i = 0; i < sum.length; i++) data[i] = Math.round(sum[i] / n);
  return { width, height, data };
}
