import { canvasToJpeg } from "./canvas-frame";

/**
 * Phone cameras produce 5–12 MB photos; the card needs ~1600 px. Resize and
 * re-encode in the browser (also strips EXIF, including location).
 */
export async function compressImage(file: File, maxSide = 1600, quality = 0.85): Promise<File> {
  const bitmap = await createImageBitmap(file, { imageOrientation: "from-image" });
  const scale = Math.min(1, maxSide / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement("canvas");
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  canvas.getContext("2d")!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  const blob = await canvasToJpeg(canvas, quality);
  return new File([blob], file.name.replace(/\.\w+$/, "") + ".jpg", { type: "image/jpeg" });
}
