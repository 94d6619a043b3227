// Public API of real-name verification (issue 6). Server-only pieces (face
// detection on the WASM backend) and pure pieces (ID rules, liveness judging —
// also usable in the browser) are exported together; bundle the pure ones from
// their own files on the client so tfjs-node-wasm is not pulled in.
import type { ErrorCode } from "../errors";
import type { CardValidityReason } from "./check-card-validity";
import type { IdCardTextReason } from "./ocr/match-id-card-text";
import type { IdNumberReason } from "./validate-id-number";
import type { VerifyLivenessReason } from "./verify-liveness-frames";

export { validateIdNumber, normalizeIdNumber, computeIdCheckDigit, type IdNumberResult, type IdNumberReason } from "./validate-id-number";
export { maskIdNumber } from "./mask-id-number";
export { checkCardValidity, type CardValidityResult, type CardValidityReason } from "./check-card-validity";
export { decodeImage, ImageDecodeError, type RgbImage } from "./face/decode-image";
export { detectFaces, type DetectedFace, type FaceBox, type Point } from "./face/detect-faces";
export { compareFaces, isSameFace, FACE_MATCH_THRESHOLD } from "./face/compare-faces";
export { loadFaceModels } from "./face/load-face-models";
export { detectPortraitFace } from "./detect-portrait-face";
export { detectAction, LIVENESS_ACTIONS } from "./liveness/detect-action";
export { measureEyeOpenness, type PixelBuffer } from "./liveness/measure-eye-openness";
export { judgeChallenge, type LivenessChallenge, type ChallengeJudgement, type LivenessReason } from "./liveness/judge-challenge";
export type { LivenessAction, LandmarkFrame, ObservedFrame, ActionResult, DetectOptions } from "./liveness/types";
export * as LIVENESS_LIMITS from "./liveness/constants";
export { readIdCardText, stopIdCardOcr, type IdCardReading } from "./ocr/read-id-card-text";
export { parseIdCardText, type IdCardText } from "./ocr/parse-id-card-text";
export { readIdCardBack, type IdCardBackReading } from "./ocr/read-id-card-back";
export { parseIdCardBackText, type IdCardBackText } from "./ocr/parse-id-card-back-text";
export { locateIdCard, locateIdCardQuad, type LocatedIdCard } from "./ocr/locate-id-card";
export { isCroppedCard } from "./ocr/crop-to-card";
export type { CardQuad } from "./ocr/fit-card-quad";
export { checkIdCardFront, type CheckIdCardFrontResult } from "./ocr/check-id-card-front";
export { matchIdCardText, type MatchIdCardTextResult, type IdCardTextReason } from "./ocr/match-id-card-text";
export {
  verifyLivenessFrames,
  MAX_UPLOAD_FRAMES,
  MAX_FRAME_BYTES,
  type UploadedFrame,
  type VerifyLivenessFramesInput,
  type VerifyLivenessResult,
  type VerifyLivenessReason,
} from "./verify-liveness-frames";

/** Compile-time proof that every reason code is an AppError code with translations. */
export type IdentityReason = IdNumberReason | CardValidityReason | VerifyLivenessReason | IdCardTextReason;
const _reasonsAreErrorCodes = (r: IdentityReason): ErrorCode => r;
void _reasonsAreErrorCodes;
