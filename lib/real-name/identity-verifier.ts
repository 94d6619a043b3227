import "server-only";
import { AppError } from "@/lib/errors";
import { decodeImage, detectPortraitFace, ImageDecodeError, readIdCardText, validateIdNumber, verifyLivenessFrames, type VerifyLivenessFramesInput, type VerifyLivenessResult } from "@/lib/identity";

export interface CardReading {
  name: string;
  idNumber: string;
  birthDate: string;
}

/**
 * The seam for a licensed real-name service (one that checks name, number and
 * photo against the national database). Callers depend on this interface
 * only; the default is the local verifier below — real OCR, face detection
 * and liveness, no outside service. No fake provider exists.
 */
export interface IdentityVerifier {
  readonly name: string;
  /** Reads the card front and checks it: a portrait, a readable name and a valid number. Throws AppError. */
  readCard(input: { front: Uint8Array; now?: Date }): Promise<CardReading>;
  /** Decides liveness and the match with the card portrait from the uploaded frames. */
  verifyLiveness(input: VerifyLivenessFramesInput): Promise<VerifyLivenessResult>;
}

export function createLocalIdentityVerifier(): IdentityVerifier {
  return {
    name: "local",
    async readCard({ front, now }) {
      let card;
      try {
        card = decodeImage(front);
      } catch (e) {
        if (e instanceof ImageDecodeError) throw new AppError("ID_IMAGE_INVALID", "not a JPEG or PNG");
        throw e;
      }
      if (!(await detectPortraitFace(card))) throw new AppError("ID_PORTRAIT_NO_FACE", "no portrait on the card front");
      const reading = await readIdCardText(card);
      if (!reading.name || !reading.idNumber) throw new AppError("ID_CARD_UNREADABLE", "OCR found no name or number");
      const id = validateIdNumber(reading.idNumber, now);
      if (!id.ok) throw new AppError(id.reason, "id number");
      return { name: reading.name, idNumber: id.normalized, birthDate: id.birthDate };
    },
    verifyLiveness: (input) => verifyLivenessFrames(input),
  };
}

let cached: IdentityVerifier | undefined;

/** IDENTITY_VERIFIER selects the implementation; `local` (the default) is the only one so far. */
export function getIdentityVerifier(): IdentityVerifier {
  const kind = process.env.IDENTITY_VERIFIER ?? "local";
  if (kind !== "local") throw new Error(`IDENTITY_VERIFIER=${kind} is not available (only "local")`);
  return (cached ??= createLocalIdentityVerifier());
}
