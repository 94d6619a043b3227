// Expected failures are values of this one class; the UI maps `code` to a
// translated message (messages/<locale>.json → "errors.<code>"). Anything that
// is not an AppError is an unexpected fault: logged, never shown.

export const ERROR_CODES = {
  // generic
  INVALID_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  // sms one-time codes
  SMS_RESEND_TOO_SOON: 429,
  SMS_DAILY_LIMIT: 429,
  SMS_IP_LIMIT: 429,
  SMS_CODE_INVALID: 400,
  SMS_CODE_EXPIRED: 400,
  SMS_CODE_LOCKED: 400,
  SMS_PROVIDER_FAILED: 502,
  // projects and onboarding
  PROJECT_NOT_FOUND: 404,
  ROLE_NOT_FOUND: 400,
  ALREADY_REGISTERED: 409,
  REAL_NAME_MISMATCH: 409,
  NOT_REGISTERED: 404,
  STEP_NOT_REACHED: 409,
  // envelopes (several signers on one PDF)
  UPLOAD_TOO_LARGE: 413,
  NOT_A_PDF: 400,
  SIGNER_NOT_FOUND: 404,
  SIGNER_ALREADY_ADDED: 409,
  NOT_A_SIGNER: 403,
  ALREADY_SIGNED: 409,
  ENVELOPE_CLOSED: 409,
  NO_SIGNING_CERTIFICATE: 409,
  // handwritten signature
  SIGNATURE_IMAGE_INVALID: 400,
  SIGNATURE_EMPTY: 400,
  // pki and key custody
  PIN_TOO_WEAK: 400,
  PIN_WRONG: 400,
  PIN_LOCKED: 423,
  KEY_UNUSABLE: 423,
  MASTER_KEY_MISSING: 500,
  MASTER_KEY_UNKNOWN: 500,
  CERT_NOT_FOUND: 404,
  CERT_EXPIRED: 409,
  TSA_FAILED: 502,
  // pdf signing engine (lib/pdf)
  PDF_INVALID: 400,
  PDF_DAMAGED: 422,
  PDF_PASSWORD_REQUIRED: 422,
  PDF_ENCRYPTION_UNSUPPORTED: 422,
  PDF_LIMIT_EXCEEDED: 413,
  PDF_CERTIFIED_NO_CHANGES: 409,
  PDF_CERTIFY_NOT_FIRST: 409,
  PDF_PAGE_OUT_OF_RANGE: 400,
  PDF_RECT_OUT_OF_PAGE: 400,
  PDF_FIELD_NAME_TAKEN: 409,
  PDF_IMAGE_INVALID: 400,
  PDF_IMAGE_TOO_LARGE: 413,
  PDF_CERT_KEY_MISMATCH: 400,
  PDF_SIGNATURE_TOO_LARGE: 500,
  // real-name verification (lib/identity)
  ID_NUMBER_FORMAT: 400,
  ID_NUMBER_REGION: 400,
  ID_NUMBER_BIRTH_DATE: 400,
  ID_NUMBER_AGE_RANGE: 400,
  ID_NUMBER_CHECK_DIGIT: 400,
  ID_CARD_VALIDITY_FORMAT: 400,
  ID_CARD_EXPIRED: 400,
  ID_CARD_NOT_YET_VALID: 400,
  ID_PORTRAIT_NO_FACE: 422,
  ID_FACE_MISMATCH: 409,
  LIVENESS_CHALLENGE_INVALID: 400,
  LIVENESS_CHALLENGE_EXPIRED: 409,
  LIVENESS_NO_FACE: 422,
  LIVENESS_MULTIPLE_FACES: 422,
  LIVENESS_OUTSIDE_WINDOW: 409,
  LIVENESS_TIMESTAMPS_INVALID: 400,
  LIVENESS_ACTION_NOT_DETECTED: 422,
  LIVENESS_FACE_CHANGED: 422,
  LIVENESS_FRAME_INVALID: 400,
  ID_CARD_UNREADABLE: 422,
  ID_CARD_NAME_MISMATCH: 409,
  ID_CARD_NUMBER_MISMATCH: 409,
  ID_IMAGE_INVALID: 400,
  REAL_NAME_INCONSISTENT: 409,
  LIVENESS_DAILY_LIMIT: 429,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export class AppError extends Error {
  readonly code: ErrorCode;
  /** Values interpolated into the translated message, e.g. `{ seconds: 42 }`. */
  readonly params: Record<string, string | number>;
  readonly fieldErrors?: Record<string, string>;

  constructor(
    code: ErrorCode,
    message?: string,
    opts: { params?: Record<string, string | number>; fieldErrors?: Record<string, string>; cause?: unknown } = {},
  ) {
    super(message ?? code, { cause: opts.cause });
    this.name = "AppError";
    this.code = code;
    this.params = opts.params ?? {};
    this.fieldErrors = opts.fieldErrors;
  }

  get status(): number {
    return ERROR_CODES[this.code];
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
