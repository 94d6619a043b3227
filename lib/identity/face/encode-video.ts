// Raw video containers Chromium can play as a fake camera
// (--use-file-for-fake-video-capture; media/capture/video/file_video_capture_device.cc):
// - Y4M: "YUV4MPEG2 W H F<num>:<den> … C420…\n" then "FRAME\n" + I420 planes per
//   frame. Chromium honours F (integer fps = num / den), accepts only 4:2:0
//   (C420, C420jpeg, C420mpeg2, C420paldv), reads ≤ 200 header bytes and
//   loops at the end of the file.
// - MJPEG: JPEG images back to back; always played at 30 fps, looped.
// Frames are 4:2:0 BT.601 limited range, what Chromium assumes for an I420
// capture without a colour space. The decoders exist so tests can check what
// the browser will be fed.
import jpeg from "jpeg-js";
import { encodeJpeg, type RgbImage } from "./decode-image";

/** Chromium's MJPEG file reader has no frame rate field: kMJpegFrameRate = 30. */
export const MJPEG_FPS = 30;

export function encodeY4m(frames: RgbImage[], fps: number): Buffer {
  const { width, height } = frames[0];
  if (!Number.isInteger(fps) || fps <= 0 || width % 2 || height % 2) throw new Error("Y4M needs an integer fps and even frame size");
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F${fps}:1 Ip A1:1 C420jpeg\n`, "ascii");
  const marker = Buffer.from("FRAME\n", "ascii");
  return Buffer.concat([header, ...frames.flatMap((f) => [marker, rgbToI420(f)])]);
}

export function encodeMjpeg(frames: RgbImage[], quality = 90): Buffer {
  // A clip repeats the same rest frame many times: encode each image once.
  const encoded = new Map<RgbImage, Uint8Array>();
  for (const f of frames) if (!encoded.has(f)) encoded.set(f, encodeJpeg(f, quality));
  return Buffer.concat(frames.map((f) => encoded.get(f)!));
}

export function decodeY4m(data: Buffer): { fps: number; frames: RgbImage[] } {
  const headerEnd = data.indexOf(0x0a);
  const tags = data.subarray(0, headerEnd).toString("ascii").split(" ");
  const tag = (c: string) => tags.find((t) => t[0] === c)!.slice(1);
  const width = Number(tag("W")), height = Number(tag("H"));
  const [num, den] = tag("F").split(":").map(Number);
  const size = (width * height * 3) / 2;
  const frames: RgbImage[] = [];
  for (let o = headerEnd + 1; o + 6 + size <= data.length; o += 6 + size) {
    if (data.toString("ascii", o, o + 6) !== "FRAME\n") throw new Error(`bad frame marker at ${o}`);
    frames.push(i420ToRgb(data.subarray(o + 6, o + 6 + size), width, height));
  }
  return { fps: Math.floor(num / den), frames };
}

export function decodeMjpeg(data: Buffer): RgbImage[] {
  const frames: RgbImage[] = [];
  // Inside entropy-coded data 0xFF is always stuffed (FF 00), so FF D9 only ends an image.
  for (let start = 0; start < data.length; ) {
    const end = data.indexOf(Buffer.from([0xff, 0xd9]), start) + 2;
    const img = jpeg.decode(data.subarray(start, end), { useTArray: true, formatAsRGBA: false });
    frames.push({ width: img.width, height: img.height, data: img.data });
    start = end;
  }
  return frames;
}

function rgbToI420({ width, height, data }: RgbImage): Buffer {
  const out = Buffer.alloc((width * height * 3) / 2);
  const cw = width / 2, uOff = width * height, vOff = uOff + cw * (height / 2);
  for (let i = 0; i < width * height; i++) {
    const r = data[i * 3], g = data[i * 3 + 1], b = data[i * 3 + 2];
    out[i] = Math.round(16 + (219 * (0.299 * r + 0.587 * g + 0.114 * b)) / 255);
  }
  for (let y = 0; y < height / 2; y++) {
    for (let x = 0; x < cw; x++) {
      let r = 0, g = 0, b = 0;
      for (const [dx, dy] of [[0, 0], [1, 0], [0, 1], [1, 1]]) {
        const o = ((2 * y + dy) * width + 2 * x + dx) * 3;
        r += data[o] / 4;
        g += data[o + 1] / 4;
        b += data[o + 2] / 4;
      }
      out[uOff + y * cw + x] = Math.round(128 + (224 * (-0.168736 * r - 0.331264 * g + 0.5 * b)) / 255);
      out[vOff + y * cw + x] = Math.round(128 + (224 * (0.5 * r - 0.418688 * g - 0.081312 * b)) / 255);
    }
  }
  return out;
}

function i420ToRgb(yuv: Buffer, width: number, height: number): RgbImage {
  const data = new Uint8Array(width * height * 3);
  const cw = width / 2, uOff = width * height, vOff = uOff + cw * (height / 2);
  const clamp = (v: number) => (v < 0 ? 0 : v > 255 ? 255 : Math.round(v));
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const c = (y >> 1) * cw + (x >> 1);
      const l = ((yuv[y * width + x] - 16) * 255) / 219;
      const u = ((yuv[uOff + c] - 128) * 255) / 224, v = ((yuv[vOff + c] - 128) * 255) / 224;
      const o = (y * width + x) * 3;
      data[o] = clamp(l + 1.402 * v);
      data[o + 1] = clamp(l - 0.344136 * u - 0.714136 * v);
      data[o + 2] = clamp(l + 1.772 * u);
    }
  }
  return { width, height, data };
}
