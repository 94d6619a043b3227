// Server-side face analysis: SSD MobileNet v1 detector → 68-point landmarks →
// 128-d descriptor (the dlib ResNet port shipped with face-api). The output is
// plain data (numbers, arrays) so liveness judging and storage never touch tensors.
import type { RgbImage } from "./decode-image";
import { loadFaceModels } from "./load-face-models";

export interface FaceBox {
  x: number;
  y: number;
  width: number;
  height: number;
}
export type Point = [number, number];

export interface DetectedFace {
  box: FaceBox;
  /** Detector confidence 0..1. */
  score: number;
  /** 68 points in face-api's (iBUG 300-W) order, image pixel coordinates. */
  landmarks: Point[];
  /** 128-d descriptor; present unless `withDescriptors: false`. */
  descriptor?: number[];
}

/**
 * 0.5 is face-api's default; lower values let half-faces and faces in posters
 * through, which the "exactly one face" rule would then wrongly count.
 */
export const MIN_DETECTION_SCORE = 0.5;

export interface DetectFacesOptions {
  withDescriptors?: boolean;
  minScore?: number;
  maxFaces?: number;
}

export async function detectFaces(image: RgbImage, opts: DetectFacesOptions = {}): Promise<DetectedFace[]> {
  const { faceapi, tf } = await loadFaceModels();
  const options = new faceapi.SsdMobilenetv1Options({
    minConfidence: opts.minScore ?? MIN_DETECTION_SCORE,
    maxResults: opts.maxFaces ?? 10,
  });
  const input = tf.tensor3d(image.data, [image.height, image.width, 3], "int32");
  try {
    const withLandmarks = faceapi.detectAllFaces(input as never, options).withFaceLandmarks();
    const results =
      opts.withDescriptors === false
        ? (await withLandmarks).map((r) => ({ ...r, descriptor: undefined }))
        : await withLandmarks.withFaceDescriptors();
    return results
      .map((r) => ({
        box: { x: r.detection.box.x, y: r.detection.box.y, width: r.detection.box.width, height: r.detection.box.height },
        score: r.detection.score,
        landmarks: r.landmarks.positions.map((p) => [p.x, p.y] as Point),
        descriptor: r.descriptor ? Array.from(r.descriptor) : undefined,
      }))
      .sort((a, b) => b.box.width * b.box.height - a.box.width * a.box.height);
  } finally {
    input.dispose();
  }
}
