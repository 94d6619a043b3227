// One tesseract.js worker per process for both card sides, with the chi_sim
// LSTM model from the npm package @tesseract.js-data/chi_sim — read from
// node_modules with fs (an explicit local langPath; without it tesseract.js
// would download from a CDN). Created lazily: loading chi_sim takes ~0.6 s.
// Jobs on one worker run one at a time, so no per-call parameters are set
// here (another caller's job could run in between).
import { join } from "node:path";
import { PNG } from "pngjs";
import type { Worker } from "tesseract.js";
import type { RgbImage } from "../face/decode-image";
import { cropImage, resizeImage } from "../face/transform-image";
import { packageDir } from "@/lib/node-modules-path";

let worker: Promise<Worker> | null = null;

export function getOcrWorker(): Promise<Worker> {
  worker ??= (async () => {
    const { createWorker, OEM } = await import("tesseract.js");
    const langPath = join(packageDir("@tesseract.js-data/chi_sim"), "4.0.0_best_int");
    // cacheMethod "none": never write traineddata into the working directory.
    return createWorker("chi_sim", OEM.LSTM_ONLY, { langPath, gzip: true, cacheMethod: "none" });
  })().catch((err) => {
    worker = null;
    throw err;
  });
  return worker;
}

/** Lossless PNG so OCR sees exactly the decoded pixels. */
export function toPng(image: RgbImage): Buffer {
  const png = new PNG({ width: image.width, height: image.height });
  for (let i = 0, j = 0; j < image.data.length; i += 4, j += 3) {
    png.data[i] = image.data[j];
    png.data[i + 1] = image.data[j + 1];
    png.data[i + 2] = image.data[j + 2];
    png.data[i + 3] = 255;
  }
  return PNG.sync.write(png);
}

/** A rectangle as fractions of the card's width and height. */
export interface CardRegion {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * OCR of one region. At scale 1 the region is passed to tesseract as a
 * rectangle of the whole image; at another scale it is cut out and resized
 * first — used for one retry when a field fails its checks, because LSTM
 * misreads (1 → 4 in a number line) change with the glyphs' pixel size.
 */
export async function recognizeRegion(card: RgbImage, region: CardRegion, scale = 1): Promise<{ text: string; confidence: number }> {
  const w = await getOcrWorker();
  const left = Math.round(card.width * region.left), top = Math.round(card.height * region.top);
  const width = Math.round(card.width * region.right) - left, height = Math.round(card.height * region.bottom) - top;
  const { data } =
    scale === 1
      ? await w.recognize(toPng(card), { rectangle: { left, top, width, height } })
      : await w.recognize(toPng(resizeImage(cropImage(card, left, top, width, height), width * scale, height * scale)));
  return { text: data.text, confidence: data.confidence };
}

/** Frees the OCR worker (tests, graceful shutdown). */
export async function stopIdCardOcr(): Promise<void> {
  const w = worker;
  worker = null;
  if (w) await (await w).terminate();
}
