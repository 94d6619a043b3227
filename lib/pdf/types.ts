/** The signing key lives elsewhere (lib/pki, an HSM, a test key): lib/pdf only asks it to sign. */
export interface PdfSigner {
  /** DER certificates, signer first, then intermediates (the root may be included). */
  certificateChain: Uint8Array[];
  keyAlgorithm: "rsa" | "ec";
  /**
   * Signs `data` (the DER of the CMS signed attributes) with SHA-256:
   * RSA PKCS#1 v1.5, or ECDSA with a DER-encoded (r, s) signature.
   */
  sign(data: Uint8Array, hash: "sha256"): Promise<Uint8Array>;
}

/** Returns an RFC 3161 TimeStampToken (ContentInfo DER) over `digest` (the hash of the signature value). */
export type PdfTimestamper = (digest: Uint8Array, hash: "sha256") => Promise<Uint8Array>;

/** A rectangle in the page's *visible* coordinates: points, origin at the top-left of the displayed page (CropBox, after /Rotate), y downwards. */
export interface VisibleRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface SignatureAppearance {
  /** The handwritten signature as PNG (alpha kept as a soft mask). */
  png?: Uint8Array;
  /** Signer's name printed below the image. */
  name: string;
  /** Signing time printed below the name; defaults to the signature's /M time. */
  time?: Date;
  /** Label language; zh-CN is the default. */
  locale?: "zh-CN" | "en";
  /** IANA time zone used to print the time (default Asia/Shanghai). */
  timeZone?: string;
  /** Override the printed labels (e.g. from the app's message catalogue). */
  labels?: { signer?: string; time?: string };
}

export interface SignPdfOptions {
  signer: PdfSigner;
  timestamp?: PdfTimestamper;
  /** Where the visible signature goes; omit for an invisible signature. */
  placement?: { page: number /* 1-based */; rect: VisibleRect };
  appearance?: SignatureAppearance;
  /** Make this a certification signature (DocMDP); only allowed as the first signature. P=2: form filling and signing allowed. */
  certify?: { permission: 1 | 2 | 3 } | boolean;
  /** Field name; must not exist yet. Default: first free "Signature<N>". */
  fieldName?: string;
  /** Signing time written to /M (default: now). */
  signingTime?: Date;
  reason?: string;
  location?: string;
  contactInfo?: string;
  /** User password of an encrypted PDF (default: empty). */
  password?: string;
  /** Bytes reserved for the time-stamp token inside /Contents (default 12 KiB). */
  timestampReserve?: number;
}

export interface SignPdfResult {
  /** The signed file: the input followed by `update` (built on first access). */
  readonly pdf: Uint8Array;
  /** Only the appended incremental update; store/stream `input ‖ update` to avoid copying large files. */
  update: Uint8Array;
  inputLength: number;
  fieldName: string;
  byteRange: [number, number, number, number];
}
