// Writes the looping fake-camera clip for browser E2E (lib/identity/render-liveness-video.ts):
//   npx tsx scripts/render-liveness-video.ts /tmp/liveness.y4m [--fps 10] [--face photo.png]
//   npx tsx scripts/render-liveness-video.ts /tmp/liveness.mjpeg          (always 30 fps)
// then start Chromium with
//   --use-fake-device-for-media-stream --use-fake-ui-for-media-stream
//   --use-file-for-fake-video-capture=/tmp/liveness.y4m
// The file's extension picks the container; Chromium also goes by it.
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { decodeImage } from "@/lib/identity/face/decode-image";
import { detectFaces } from "@/lib/identity/face/detect-faces";
import { renderLivenessVideo } from "@/lib/identity/render-liveness-video";
import { ASTRONAUT_PATH } from "@/tests/helpers/shared-dir";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { fps: { type: "string" }, face: { type: "string" } } });
const out = positionals[0];
const format = out?.toLowerCase().endsWith(".y4m") ? "y4m" : out?.toLowerCase().endsWith(".mjpeg") ? "mjpeg" : null;
if (!out || !format) {
  console.error("usage: npx tsx scripts/render-liveness-video.ts OUT.y4m|OUT.mjpeg [--fps N] [--face photo.png|jpg]");
  process.exit(2);
}

const photo = decodeImage(readFileSync(values.face ?? ASTRONAUT_PATH));
const [face] = await detectFaces(photo, { withDescriptors: false });
if (!face) throw new Error("no face found in the photo");
const video = renderLivenessVideo({ face: photo, landmarks: face.landmarks, format, fps: values.fps ? Number(values.fps) : undefined });
writeFileSync(out, video.data);
console.log(`${out}: ${video.format}, ${video.width}×${video.height}, ${video.fps} fps, ${video.frameCount} frames, ${video.durationMs} ms loop, ${(video.data.length / 1e6).toFixed(1)} MB`);
for (const s of video.schedule) console.log(`  ${s.action.padEnd(9)} ${s.startMs}–${s.endMs} ms (full ${s.peakFromMs}–${s.peakToMs})`);
