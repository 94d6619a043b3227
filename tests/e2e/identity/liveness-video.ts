import { readFileSync, writeFileSync } from "node:fs";
import { decodeImage } from "@/lib/identity/face/decode-image";
import { detectFaces } from "@/lib/identity/face/detect-faces";
import { renderLivenessVideo } from "@/lib/identity/render-liveness-video";
import { ASTRONAUT_PATH } from "@/tests/helpers/shared-dir";

/**
 * Writes the fake front camera for a passing liveness check: the person of the
 * ID card fixture doing every action in a ~5.4 s loop (Y4M keeps its frame rate
 * exact in Chromium; see lib/identity/face/encode-video.ts).
 */
export async function writeLivenessVideo(path: string): Promise<void> {
  const photo = decodeImage(readFileSync(ASTRONAUT_PATH));
  const [face] = await detectFaces(photo, { withDescriptors: false });
  if (!face) throw new Error("no face in the fixture");
  writeFileSync(path, renderLivenessVideo({ face: photo, landmarks: face.landmarks, format: "y4m" }).data);
}
