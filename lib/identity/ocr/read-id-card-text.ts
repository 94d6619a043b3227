// OCR of the ID card front with tesseract.js (WASM) and the chi_sim LSTM model
// from the npm package @tesseract.js-data/chi_sim — read from node_modules with
// fs (an explicit local langPath; without it tesseract.js would download from a CDN).
// One worker per process, created lazily: loading chi_sim takes ~0.6 s, a
// card ~0.7 s (measured here).
import { join } from "node:path";
import { PNG } from "pngjs";
import type { Worker } from "tesseract.js";
import type { RgbImage } from "../face/decode-image";
import { parseIdCardText, type IdCardText } from "./parse-id-card-text";
import { packageDir } from "@/lib/node-modules-path";

let worker: Promise<Worker> | null = null;

function getWorker(): Promise<Worker> {
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

export interface IdCardReading extends IdCardText {
  /** tesseract's mean word confidence, 0–100 (the lower of the two regions). */
  confidence: number;
  rawText: string;
}

/**
 * Expects the card photo cropped to the card (the capture UI's frame guide).
 * The portrait is OCR'd as garbage characters glued to the name, so the text
 * fields (left 62 %, above the number line) and the number line (bottom 25 %,
 * full width) are read as two rectangles — the 2nd-generation card layout.
 */
export async function readIdCardText(card: RgbImage): Promise<IdCardReading> {
  const w = await getWorker();
  const image = toPng(card);
  const W = card.width, H = card.height;
  const fields = await w.recognize(image, { rectangle: { left: 0, top: 0, width: Math.round(W * 0.62), height: Math.round(H * 0.78) } });
  const number = await w.recognize(image, { rectangle: { left: 0, top: Math.round(H * 0.75), width: W, height: H - Math.round(H * 0.75) } });
  const rawText = `${fields.data.text}\n${number.data.text}`;
  return {
    ...parseIdCardText(rawText),
    confidence: Math.min(fields.data.confidence, number.data.confidence),
    rawText,
  };
}

/** Lossless PNG so OCR sees exactly the decoded pixels. */
function toPng(card: RgbImage): Buffer {
  const png = new PNG({ width: card.width, height: card.height });
  for (let i = 0, j = 0; j < card.data.length; i += 4, j += 3) {
    png.data[i] = card.data[j];
    png.data[i + 1] = card.data[j + 1];
    png.data[i + 2] = card.data[j + 2];
    png.data[i + 3] = 255;
  }
  return PNG.sync.write(png);
}

/** Frees the OCR worker (tests, graceful shutdown). */
export async function stopIdCardOcr(): Promise<void> {
  const w = worker;
  worker = null;
  if (w) await (await w).terminate();
}
