// The fake-camera clip, checked the way the browser will use it: decoded back
// from the file, analysed with the BROWSER's detector (tiny face detector +
// 68 landmarks) and, for comparison, the server's SSD, then the page's
// pacing is replayed from every 250 ms of the loop at 2 and 2.5 detections/s.
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { decodeImage } from "./face/decode-image";
import { detectFaces } from "./face/detect-faces";
import { detectFacesTiny } from "./face/detect-faces-tiny";
import { decodeMjpeg, decodeY4m, MJPEG_FPS } from "./face/encode-video";
import { LIVENESS_ACTIONS } from "./liveness/detect-action";
import type { LivenessAction, Point } from "./liveness/types";
import { renderLivenessVideo, type LivenessVideo } from "./render-liveness-video";
import { analyseClip, replayBrowserRun, type AnalysedClip } from "./replay-browser-liveness";
import { ASTRONAUT_PATH } from "@/tests/helpers/shared-dir";

let video: LivenessVideo;
let fps: number;
const clips: Record<"tiny" | "ssd", AnalysedClip> = { tiny: [], ssd: [] };
let photoLandmarks: Point[];

beforeAll(async () => {
  const photo = decodeImage(readFileSync(ASTRONAUT_PATH));
  [{ landmarks: photoLandmarks }] = await detectFaces(photo, { withDescriptors: false });
  video = renderLivenessVideo({ face: photo, landmarks: photoLandmarks, format: "y4m", fps: 10 });
  const decoded = decodeY4m(video.data);
  fps = decoded.fps;
  clips.tiny = await analyseClip(decoded.frames, detectFacesTiny);
  clips.ssd = await analyseClip(decoded.frames, (img) => detectFaces(img, { withDescriptors: false }));
}, 300_000);

/** Share of start phases (every 250 ms of the loop) at which the page sees the action within 6 s. */
function passRate(clip: AnalysedClip, action: LivenessAction, periodMs: number): number {
  let passed = 0, runs = 0;
  for (let promptAtMs = 0; promptAtMs < video.durationMs; promptAtMs += 250, runs++) {
    if (replayBrowserRun(clip, fps, { action, promptAtMs, periodMs, neutralFrame: 0 }) !== null) passed++;
  }
  return passed / runs;
}

describe("renderLivenessVideo", () => {
  it("writes a Y4M Chromium can loop: header, 640×480 4:2:0 frames, ≤ 6.5 s", () => {
    const header = "YUV4MPEG2 W640 H480 F10:1 Ip A1:1 C420jpeg\n";
    expect(video.data.subarray(0, header.length + 6).toString("ascii")).toBe(`${header}FRAME\n`);
    expect(video.data.length).toBe(header.length + (6 + 640 * 480 * 1.5) * video.frameCount);
    expect(fps).toBe(10);
    expect(video.durationMs).toBeLessThanOrEqual(6_500);
    expect(video.schedule.map((s) => s.action)).toEqual(["turnLeft", "turnRight", "openMouth", "nod", "blink"]);
  });

  it("shows one face the size of a selfie in every frame, to both detectors", () => {
    for (const clip of [clips.tiny, clips.ssd]) {
      expect(clip.every((f) => f !== null)).toBe(true);
      for (const f of clip) expect(f!.box.width / 640).toBeGreaterThan(0.3);
    }
  });

  it("turnLeft is the user's own left in the unmirrored frame: the nose moves to image +x", () => {
    const peak = Math.round(((video.schedule[0].peakFromMs + video.schedule[0].peakToMs) / 2 / 1000) * fps);
    expect(clips.tiny[peak]!.landmarks[30][0]).toBeGreaterThan(clips.tiny[0]!.landmarks[30][0] + 15);
  });

  it.each(["tiny", "ssd"] as const)("the page sees every action from any point of the loop (%s detector)", (detector) => {
    const rates = LIVENESS_ACTIONS.map((a) => [a, passRate(clips[detector], a, 500), passRate(clips[detector], a, 400)] as const);
    console.log(`${detector}: share of start phases passing at 2 / 2.5 detections per second\n` + rates.map(([a, r2, r25]) => `  ${a.padEnd(9)} ${r2.toFixed(2)} ${r25.toFixed(2)}`).join("\n"));
    for (const [action, r2, r25] of rates) {
      expect(r2, `${action} @2/s`).toBe(1);
      expect(r25, `${action} @2.5/s`).toBe(1);
    }
  });

  it("MJPEG: concatenated JPEGs, played by Chromium at 30 fps", () => {
    const photo = decodeImage(readFileSync(ASTRONAUT_PATH));
    const mjpeg = renderLivenessVideo({ face: photo, landmarks: photoLandmarks, format: "mjpeg" });
    expect(mjpeg.fps).toBe(MJPEG_FPS);
    expect(decodeMjpeg(mjpeg.data)).toHaveLength(mjpeg.frameCount);
    expect(mjpeg.frameCount).toBe(Math.ceil((video.schedule[4].endMs * MJPEG_FPS) / 1000));
  }, 60_000);
});
