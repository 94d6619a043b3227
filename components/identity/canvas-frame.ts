import { measureEyeOpenness } from "@/lib/identity/liveness/measure-eye-openness";
import type { Point } from "@/lib/identity/liveness/types";

/** A canvas as a JPEG blob (what the identity pages upload). */
export function canvasToJpeg(canvas: HTMLCanvasElement, quality = 0.85): Promise<Blob> {
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("JPEG encoding failed"))), "image/jpeg", quality));
}

/** Copies the current video frame, full size, into `canvas` (resized to fit). */
export function drawVideoFrame(video: HTMLVideoElement, canvas: HTMLCanvasElement): CanvasRenderingContext2D {
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  const ctx = canvas.getContext("2d", { willReadFrequently: true })!;
  ctx.drawImage(video, 0, 0);
  return ctx;
}

/**
 * lib/identity's eye openness on what the canvas shows. ImageData's fields are
 * prototype getters, so they are passed one by one (a spread copies none).
 */
export function measureEyeOpennessOn(ctx: CanvasRenderingContext2D, landmarks: Point[]): number {
  const px = ctx.getImageData(0, 0, ctx.canvas.width, ctx.canvas.height);
  return measureEyeOpenness({ width: px.width, height: px.height, data: px.data, channels: 4 }, landmarks);
}
