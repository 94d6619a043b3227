/**
 * Cheap checks before a card photo is uploaded, so the user can retake it at
 * once: big enough to read, and sharp enough (variance of the Laplacian on a
 * grey, downscaled copy — low means blur). Whether a face is on it is decided
 * by the server, which also pads tight crops the detector would miss.
 */
export async function checkCardPhoto(file: File): Promise<"tooSmall" | "blurry" | null> {
  const bitmap = await createImageBitmap(file);
  const { width, height } = bitmap;
  if (Math.min(width, height) < 480) {
    bitmap.close();
    return "tooSmall";
  }
  const w = 320;
  const h = Math.round((height / width) * w);
  const canvas = document.createElement("canvas");
  canvas.width = w;
  canvas.height = h;
  const ctx = canvas.getContext("2d", { willReadFrequently: true })!;
  ctx.drawImage(bitmap, 0, 0, w, h);
  bitmap.close();
  const px = ctx.getImageData(0, 0, w, h).data;
  const grey = new Float32Array(w * h);
  for (let i = 0; i < w * h; i++) grey[i] = 0.299 * px[i * 4]! + 0.587 * px[i * 4 + 1]! + 0.114 * px[i * 4 + 2]!;
  let sum = 0;
  let sumSq = 0;
  let n = 0;
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      const i = y * w + x;
      const lap = grey[i - 1]! + grey[i + 1]! + grey[i - w]! + grey[i + w]! - 4 * grey[i]!;
      sum += lap;
      sumSq += lap * lap;
      n++;
    }
  }
  const variance = sumSq / n - (sum / n) ** 2;
  return variance < BLUR_VARIANCE ? "blurry" : null;
}

/** Below this the text on a card photo is too soft for OCR (sharp phone shots measure in the hundreds). */
const BLUR_VARIANCE = 25;
