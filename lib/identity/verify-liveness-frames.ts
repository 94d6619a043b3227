// The server's decision on a liveness upload. It never trusts the browser's
// verdict: it decodes the JPEG frames, re-runs face detection, landmarks and
// descriptors itself, judges the challenge with the same pure code the browser
// used, and compares the frontal face with the ID-card portrait.
// Pure over its inputs: nonce bookkeeping and attempt limits belong to the app.
import { compareFaces, FACE_MATCH_THRESHOLD } from "./face/compare-faces";
import { decodeImage, type RgbImage } from "./face/decode-image";
import { detectFaces } from "./face/detect-faces";
import { resizeImage } from "./face/transform-image";
import { detectPortraitFace } from "./detect-portrait-face";
import { CHALLENGE_WINDOW_MS } from "./liveness/constants";
import { judgeChallenge, type ActionVerdict, type LivenessChallenge, type LivenessReason } from "./liveness/judge-challenge";
import { measureEyeOpenness } from "./liveness/measure-eye-openness";
import type { ObservedFrame } from "./liveness/types";

export interface UploadedFrame {
  jpeg: Uint8Array;
  /**
   * Capture time in ms since the CLIENT received the challenge, from a
   * monotonic clock (performance.now() difference). Relative times make the
   * check independent of a wrong phone clock; the server anchors them at issuedAt.
   */
  offsetMs: number;
}

export interface VerifyLivenessFramesInput {
  challenge: LivenessChallenge;
  /** Neutral frontal frame, captured before the actions. */
  frontal: UploadedFrame;
  /** For each action: its peak frame and a few frames around it, in capture order. */
  actionFrames: UploadedFrame[];
  /** Photo of the ID card front (or its portrait), JPEG or PNG. */
  idCardImage: Uint8Array;
  /** Server time the upload arrived (ms since epoch). */
  receivedAt: number;
  /** True if the client captured from a mirrored canvas (see detect-head-turn.ts). */
  mirrored?: boolean;
}

export type VerifyLivenessReason =
  | LivenessReason
  | "LIVENESS_CHALLENGE_EXPIRED"
  | "LIVENESS_FRAME_INVALID"
  | "ID_PORTRAIT_NO_FACE"
  | "ID_FACE_MISMATCH";

export interface VerifyLivenessResult {
  passed: boolean;
  reasons: VerifyLivenessReason[];
  scores: {
    actions: ActionVerdict[];
    /** Largest descriptor distance of any frame from the frontal one (< SESSION_FACE_THRESHOLD). */
    sessionFaceDistance: number;
    /** Frontal face vs ID portrait (< FACE_MATCH_THRESHOLD); NaN if not measured. */
    idFaceDistance: number;
  };
}

export const MAX_UPLOAD_FRAMES = 24;
export const MAX_FRAME_BYTES = 1_500_000;
/** Upload may arrive a little after the capture window closed (slow networks). */
export const UPLOAD_GRACE_MS = 30_000;
/** Frames are analysed at most this big on the long side: enough for faces, bounded CPU. */
const ANALYSIS_LONG_SIDE = 800;

export async function verifyLivenessFrames(input: VerifyLivenessFramesInput): Promise<VerifyLivenessResult> {
  const { challenge, receivedAt } = input;
  const reasons = new Set<VerifyLivenessReason>();
  const uploads = [input.frontal, ...input.actionFrames];
  const fail = (r: VerifyLivenessReason[]): VerifyLivenessResult => ({
    passed: false,
    reasons: r,
    scores: { actions: [], sessionFaceDistance: NaN, idFaceDistance: NaN },
  });

  if (receivedAt > challenge.issuedAt + CHALLENGE_WINDOW_MS + UPLOAD_GRACE_MS) return fail(["LIVENESS_CHALLENGE_EXPIRED"]);
  if (uploads.length > MAX_UPLOAD_FRAMES || uploads.some((f) => f.jpeg.byteLength > MAX_FRAME_BYTES)) {
    return fail(["LIVENESS_FRAME_INVALID"]);
  }
  // A frame cannot have been captured after the upload reached us.
  if (uploads.some((f) => !Number.isFinite(f.offsetMs) || challenge.issuedAt + f.offsetMs > receivedAt)) {
    reasons.add("LIVENESS_TIMESTAMPS_INVALID");
  }

  const frames: ObservedFrame[] = [];
  for (const upload of uploads) {
    const image = decodeOrNull(upload.jpeg);
    if (!image) return fail(["LIVENESS_FRAME_INVALID"]);
    const analysed = boundSize(image);
    const faces = (await detectFaces(analysed)).map((f) => ({
      ...f,
      // The blink detector reads the eyes' pixels: the landmarks barely move.
      eyeOpenness: measureEyeOpenness({ ...analysed, channels: 3 }, f.landmarks),
    }));
    if (faces.length === 0) reasons.add("LIVENESS_NO_FACE");
    frames.push({ t: challenge.issuedAt + upload.offsetMs, faces });
  }
  if (frames[0].faces.length !== 1) reasons.add(frames[0].faces.length ? "LIVENESS_MULTIPLE_FACES" : "LIVENESS_NO_FACE");

  const judged = judgeChallenge({ challenge, frames, mirrored: input.mirrored });
  judged.reasons.forEach((r) => reasons.add(r));

  let idFaceDistance = NaN;
  const card = decodeOrNull(input.idCardImage);
  const portrait = card ? await detectPortraitFace(boundSize(card)) : null;
  const frontal = frames[0].faces.length === 1 ? frames[0].faces[0].descriptor : undefined;
  if (!portrait?.descriptor) reasons.add("ID_PORTRAIT_NO_FACE");
  else if (frontal) {
    idFaceDistance = compareFaces(frontal, portrait.descriptor);
    if (!(idFaceDistance < FACE_MATCH_THRESHOLD)) reasons.add("ID_FACE_MISMATCH");
  }

  return {
    passed: reasons.size === 0,
    reasons: [...reasons],
    scores: { actions: judged.actions, sessionFaceDistance: judged.maxFaceDistance, idFaceDistance },
  };
}

function decodeOrNull(bytes: Uint8Array): RgbImage | null {
  try {
    return decodeImage(bytes);
  } catch {
    return null;
  }
}

function boundSize(img: RgbImage): RgbImage {
  const k = ANALYSIS_LONG_SIDE / Math.max(img.width, img.height);
  return k >= 1 ? img : resizeImage(img, img.width * k, img.height * k);
}
