// Small pure-JS raster operations on packed RGB. Tests, the fixture recorder and
// the benchmark use them to derive "same person, different shot" images
// (crop, scale, relight, rotate) and geometric warps that emulate head motion
// from one real photo; the server path itself only decodes.
import type { RgbImage } from "./decode-image";

export function createImage(width: number, height: number, rgb: [number, number, number] = [0, 0, 0]): RgbImage {
  const data = new Uint8Array(width * height * 3);
  for (let i = 0; i < data.length; i += 3) data.set(rgb, i);
  return { width, height, data };
}

/** Bilinear sample; out-of-range coordinates clamp to the border. */
function sample(img: RgbImage, x: number, y: number, out: Uint8Array, o: number): void {
  const cx = Math.min(Math.max(x, 0), img.width - 1);
  const cy = Math.min(Math.max(y, 0), img.height - 1);
  const x0 = Math.floor(cx), y0 = Math.floor(cy);
  const x1 = Math.min(x0 + 1, img.width - 1), y1 = Math.min(y0 + 1, img.height - 1);
  const fx = cx - x0, fy = cy - y0;
  for (let c = 0; c < 3; c++) {
    const a = img.data[(y0 * img.width + x0) * 3 + c], b = img.data[(y0 * img.width + x1) * 3 + c];
    const d = img.data[(y1 * img.width + x0) * 3 + c], e = img.data[(y1 * img.width + x1) * 3 + c];
    out[o + c] = Math.round((a * (1 - fx) + b * fx) * (1 - fy) + (d * (1 - fx) + e * fx) * fy);
  }
}

/** Builds an image by pulling each output pixel from source coordinates (inverse mapping). */
export function remapImage(img: RgbImage, width: number, height: number, source: (x: number, y: number) => [number, number]): RgbImage {
  const out = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [sx, sy] = source(x, y);
      sample(img, sx, sy, out, (y * width + x) * 3);
    }
  }
  return { width, height, data: out };
}

export function cropImage(img: RgbImage, x: number, y: number, width: number, height: number): RgbImage {
  return remapImage(img, Math.round(width), Math.round(height), (u, v) => [u + x, v + y]);
}

export function resizeImage(img: RgbImage, width: number, height: number): RgbImage {
  const sx = img.width / width, sy = img.height / height;
  return remapImage(img, Math.round(width), Math.round(height), (u, v) => [(u + 0.5) * sx - 0.5, (v + 0.5) * sy - 0.5]);
}

/** Rotates about the centre by `degrees` (clockwise on screen), keeping the size. */
export function rotateImage(img: RgbImage, degrees: number): RgbImage {
  const r = (degrees * Math.PI) / 180, cos = Math.cos(r), sin = Math.sin(r);
  const cx = img.width / 2, cy = img.height / 2;
  return remapImage(img, img.width, img.height, (x, y) => {
    const dx = x - cx, dy = y - cy;
    return [cx + dx * cos + dy * sin, cy - dx * sin + dy * cos];
  });
}

/** out = (in − 128)·contrast + 128 + brightness, per channel. */
export function adjustImage(img: RgbImage, brightness: number, contrast = 1): RgbImage {
  const data = new Uint8Array(img.data.length);
  for (let i = 0; i < data.length; i++) data[i] = clampByte((img.data[i] - 128) * contrast + 128 + brightness);
  return { width: img.width, height: img.height, data };
}

export function grayscaleImage(img: RgbImage): RgbImage {
  const data = new Uint8Array(img.data.length);
  for (let i = 0; i < data.length; i += 3) {
    const l = clampByte(0.299 * img.data[i] + 0.587 * img.data[i + 1] + 0.114 * img.data[i + 2]);
    data[i] = data[i + 1] = data[i + 2] = l;
  }
  return { width: img.width, height: img.height, data };
}

export function flipImageHorizontally(img: RgbImage): RgbImage {
  return remapImage(img, img.width, img.height, (x, y) => [img.width - 1 - x, y]);
}

/** Copies `src` into `dst` at (x, y), in place. */
export function pasteImage(dst: RgbImage, src: RgbImage, x: number, y: number): void {
  for (let v = 0; v < src.height; v++) {
    const ty = v + y;
    if (ty < 0 || ty >= dst.height) continue;
    for (let u = 0; u < src.width; u++) {
      const tx = u + x;
      if (tx < 0 || tx >= dst.width) continue;
      dst.data.set(src.data.subarray((v * src.width + u) * 3, (v * src.width + u) * 3 + 3), (ty * dst.width + tx) * 3);
    }
  }
}

/**
 * Blends an ellipse towards `rgb` with a soft edge (alpha falls off over the
 * outer 40 % of the radius), in place — used to paint closed eyelids or an open mouth.
 */
export function blendEllipse(img: RgbImage, cx: number, cy: number, rx: number, ry: number, rgb: number[], alpha: number): void {
  for (let y = Math.floor(cy - ry); y <= Math.ceil(cy + ry); y++) {
    for (let x = Math.floor(cx - rx); x <= Math.ceil(cx + rx); x++) {
      if (x < 0 || y < 0 || x >= img.width || y >= img.height) continue;
      const d = Math.hypot((x - cx) / rx, (y - cy) / ry);
      if (d >= 1) continue;
      const a = alpha * Math.min(1, (1 - d) / 0.4);
      const o = (y * img.width + x) * 3;
      for (let c = 0; c < 3; c++) img.data[o + c] = clampByte(img.data[o + c] * (1 - a) + rgb[c] * a);
    }
  }
}

function clampByte(v: number): number {
  return v < 0 ? 0 : v > 255 ? 255 : Math.round(v);
}
