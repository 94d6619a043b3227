// The BROWSER's face stack, run in Node for tests: the tiny face detector
// (inputSize 224, score ≥ 0.5, as components/identity/face-guide.ts uses it)
// and the same 68-point landmark net. Its landmarks are coarser than the
// server's SSD path, and the in-browser liveness pacing judges them, so tests
// that claim "the browser would see this action" must use this, not SSD.
import type { RgbImage } from "./decode-image";
import type { DetectedFace } from "./detect-faces";
import { faceModelDirectory, loadFaceModels, type LoadedFaceModels } from "./load-face-models";

export const BROWSER_DETECTOR_OPTIONS = { inputSize: 224, scoreThreshold: 0.5 } as const;

let loading: Promise<LoadedFaceModels> | null = null;

function loadTinyDetector(): Promise<LoadedFaceModels> {
  loading ??= loadFaceModels().then(async (models) => {
    await models.faceapi.nets.tinyFaceDetector.loadFromDisk(faceModelDirectory());
    return models;
  });
  return loading;
}

/** Faces as the browser finds them (no descriptors), largest first. */
export async function detectFacesTiny(image: RgbImage): Promise<Omit<DetectedFace, "descriptor">[]> {
  const { faceapi, tf } = await loadTinyDetector();
  const input = tf.tensor3d(image.data, [image.height, image.width, 3], "int32");
  try {
    const results = await faceapi.detectAllFaces(input as never, new faceapi.TinyFaceDetectorOptions(BROWSER_DETECTOR_OPTIONS)).withFaceLandmarks();
    return results
      .map((r) => ({
        box: { x: r.detection.box.x, y: r.detection.box.y, width: r.detection.box.width, height: r.detection.box.height },
        score: r.detection.score,
        landmarks: r.landmarks.positions.map((p) => [p.x, p.y] as [number, number]),
      }))
      .sort((a, b) => b.box.width * b.box.height - a.box.width * a.box.height);
  } finally {
    input.dispose();
  }
}
