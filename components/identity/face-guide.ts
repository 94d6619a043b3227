"use client";

// Live guidance on the liveness page (face-api's tiny detector and 68-point
// landmarks, see load-face-api.ts). Advisory only — the server re-detects
// every uploaded frame and decides.

import { canvasToJpeg, drawVideoFrame, measureEyeOpennessOn } from "./canvas-frame";
import { loadFaceApi } from "./load-face-api";

export type FaceHint = "ok" | "noFace" | "manyFaces" | "tooFar" | "tooDark";

export interface GuideFace {
  box: { x: number; y: number; width: number; height: number };
  /** 68 [x, y] points in the pixel coordinates of the unmirrored camera frame (lib/identity's Point). */
  landmarks: [number, number][];
}

export interface GuideResult {
  hint: FaceHint;
  ms: number;
  at: number;
  face: GuideFace | null;
  frame?: { blob: Blob; eyeOpenness: number };
}

export interface FaceGuide {
  /**
   * `at`: performance.now() when the analysed frame was taken (detection takes a while after).
   * With `keepFrame`, a face-ok result also carries that very frame as a JPEG and its
   * eye openness measured at its own landmarks (a candidate neutral frame).
   */
  check(video: HTMLVideoElement, opts?: { keepFrame?: boolean }): Promise<GuideResult>;
  backend: string;
}

export async function loadFaceGuide(): Promise<FaceGuide> {
  const { faceapi, backend } = await loadFaceApi();
  const options = new faceapi.TinyFaceDetectorOptions({ inputSize: 224, scoreThreshold: 0.5 });
  const probe = document.createElement("canvas");
  probe.width = 32;
  probe.height = 24;
  const ctx = probe.getContext("2d", { willReadFrequently: true })!;
  // Detection runs on a copy of the frame, so landmarks and pixels are of the same instant.
  const snap = document.createElement("canvas");

  return {
    backend,
    async check(video, opts) {
      const started = performance.now();
      const snapCtx = drawVideoFrame(video, snap);
      ctx.drawImage(video, 0, 0, probe.width, probe.height);
      const px = ctx.getImageData(0, 0, probe.width, probe.height).data;
      let luma = 0;
      for (let i = 0; i < px.length; i += 4) luma += 0.299 * px[i]! + 0.587 * px[i + 1]! + 0.114 * px[i + 2]!;
      luma /= px.length / 4;
      const faces = await faceapi.detectAllFaces(snap, options).withFaceLandmarks();
      const ms = performance.now() - started;
      const one = faces.length === 1 ? faces[0]! : null;
      const face = one
        ? { box: { x: one.detection.box.x, y: one.detection.box.y, width: one.detection.box.width, height: one.detection.box.height }, landmarks: one.landmarks.positions.map((p): [number, number] => [p.x, p.y]) }
        : null;
      if (luma < 50) return { hint: "tooDark", ms, at: started, face };
      if (faces.length === 0) return { hint: "noFace", ms, at: started, face };
      if (faces.length > 1) return { hint: "manyFaces", ms, at: started, face };
      if (faces[0]!.detection.box.width < snap.width * 0.22) return { hint: "tooFar", ms, at: started, face };
      if (!opts?.keepFrame || !face) return { hint: "ok", ms, at: started, face };
      const eyeOpenness = measureEyeOpennessOn(snapCtx, face.landmarks);
      return { hint: "ok", ms, at: started, face, frame: { blob: await canvasToJpeg(snap), eyeOpenness } };
    },
  };
}
