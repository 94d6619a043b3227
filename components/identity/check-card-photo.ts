import { loadFaceApi } from "./load-face-api";

export type CardPhotoProblem = "tooSmall" | "blurry" | "noFace";

/**
 * Checks before a card photo is uploaded, so the user can retake it at once:
 * big enough to read, sharp enough (variance of the Laplacian on a grey,
 * downscaled copy — low means blur) and, on the portrait side, a face. The
 * server checks the face again (and pads tight crops the detector misses);
 * if the detector cannot load here, the server's check is the only one.
 */
export async function checkCardPhoto(file: Blob, side: "front" | "back"): Promise<CardPhotoProblem | null> {
  const bitmap = await createImageBitmap(file, { imageOrientation: "from-image" });
  try {
    if (Math.min(bitmap.width, bitmap.height) < 480) return "tooSmall";
    if (laplacianVariance(bitmap) < BLUR_VARIANCE) return "blurry";
    if (side === "front" && (await countFaces(bitmap)) === 0) return "noFace";
    return null;
  } finally {
    bitmap.close();
  }
}

/** Below this the text on a card photo is too soft for OCR (sharp phone shots measure in the hundreds). */
const BLUR_VARIANCE = 25;

function laplacianVariance(bitmap: ImageBitmap): number {
  const w = 320;
  const h = Math.round((bitmap.height / bitmap.width) * w);
  const ctx = canvas2d(w, h);
  ctx.drawImage(bitmap, 0, 0, w, h);
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
  return sumSq / n - (sum / n) ** 2;
}

/**
 * The card portrait is a small face: detect on an 800 px copy with a larger
 * input size than the live guide uses. Returns -1 when the detector is unavailable.
 */
async function countFaces(bitmap: ImageBitmap): Promise<number> {
  const api = await loadFaceApi().catch(() => null);
  if (!api) return -1;
  const scale = Math.min(1, 800 / Math.max(bitmap.width, bitmap.height));
  const ctx = canvas2d(Math.round(bitmap.width * scale), Math.round(bitmap.height * scale));
  ctx.drawImage(bitmap, 0, 0, ctx.canvas.width, ctx.canvas.height);
  const faces = await Promise.resolve(api.faceapi.detectAllFaces(ctx.canvas, new api.faceapi.TinyFaceDetectorOptions({ inputSize: 416, scoreThreshold: 0.4 }))).catch(() => null);
  return faces ? faces.length : -1;
}

function canvas2d(w: number, h: number): CanvasRenderingContext2D {
  const canvas = document.createElement("canvas");
  canvas.width = w;
  canvas.height = h;
  return canvas.getContext("2d", { willReadFrequently: true })!;
}
