import "server-only";
import { AppError } from "@/lib/errors";
import { decodeImage, detectPortraitFace, ImageDecodeError, isCroppedCard, locateIdCard, readIdCardBack, readIdCardText, validateIdNumber, verifyLivenessFrames, type VerifyLivenessFramesInput, type VerifyLivenessResult } from "@/lib/identity";

export interface CardReading {
  name: string;
  idNumber: string;
  birthDate: string;
  /** 有效期限 from the back, normalised ("2016.01.01-2036.01.01" / "2016.01.01-长期"), null when unreadable. */
  validity: string | null;
  issuer: string | null;
}

/**
 * The seam for a licensed real-name service (one that checks name, number and
 * photo against the national database). Callers depend on this interface
 * only; the default is the local verifier below — real OCR, face detection
 * and liveness, no outside service. No fake provider exists.
 */
export interface IdentityVerifier {
  readonly name: string;
  /** Reads the card: front — a portrait, a readable name and a valid number (else AppError); back — validity and issuer, null when unreadable. */
  readCard(input: { front: Uint8Array; back: Uint8Array; now?: Date }): Promise<CardReading>;
  /** Decides liveness and the match with the card portrait from the uploaded frames. */
  verifyLiveness(input: VerifyLivenessFramesInput): Promise<VerifyLivenessResult>;
}

export function createLocalIdentityVerifier(): IdentityVerifier {
  return {
    name: "local",
    async readCard({ front, back, now }) {
      const [photo, backImage] = [decodeCard(front), decodeCard(back)];
      // A whole phone photo is cropped and straightened to the card first, once,
      // so the portrait check sees an upright face and OCR reads the card as is.
      const card = isCroppedCard(photo) ? photo : ((await locateIdCard(photo, "front")) ?? photo);
      if (!(await detectPortraitFace(card))) throw new AppError("ID_PORTRAIT_NO_FACE", "no portrait on the card front");
      const reading = await readIdCardText(card);
      if (!reading.name || !reading.idNumber) throw new AppError("ID_CARD_UNREADABLE", "OCR found no name or number");
      const id = validateIdNumber(reading.idNumber, now);
      if (!id.ok) throw new AppError(id.reason, "id number");
      const backReading = await readIdCardBack(backImage);
      return { name: reading.name, idNumber: id.normalized, birthDate: id.birthDate, validity: backReading.validity, issuer: backReading.issuer };
    },
    verifyLiveness: (input) => verifyLivenessFrames(input),
  };
}

function decodeCard(bytes: Uint8Array) {
  try {
    return decodeImage(bytes);
  } catch (e) {
    if (e instanceof ImageDecodeError) throw new AppError("ID_IMAGE_INVALID", "not a JPEG or PNG");
    throw e;
  }
}

let cached: IdentityVerifier | undefined;

/** IDENTITY_VERIFIER selects the implementation; `local` (the default) is the only one so far. */
export function getIdentityVerifier(): IdentityVerifier {
  const kind = process.env.IDENTITY_VERIFIER ?? "local";
  if (kind !== "local") throw new Error(`IDENTITY_VERIFIER=${kind} is not available (only "local")`);
  return (cached ??= createLocalIdentityVerifier());
}
