// Storage seen by the PKI. lib/pki never imports a database: the app passes an
// implementation of this interface (Postgres in lib/db, MemoryPkiStore in tests
// and benchmarks). Values are plain JSON-able data; binary is base64 DER.
import type { WrappedSecret } from "./wrap-secret";

/** RFC 5280 CRLReason codes we use (7 is unassigned). */
export type RevocationReason =
  | "unspecified"
  | "keyCompromise"
  | "cACompromise"
  | "affiliationChanged"
  | "superseded"
  | "cessationOfOperation"
  | "certificateHold"
  | "privilegeWithdrawn";

export const REASON_CODES: Record<RevocationReason, number> = {
  unspecified: 0,
  keyCompromise: 1,
  cACompromise: 2,
  affiliationChanged: 3,
  superseded: 4,
  cessationOfOperation: 5,
  certificateHold: 6,
  privilegeWithdrawn: 9,
};

export interface CaEntity {
  /** Certificate DER, base64. */
  certificate: string;
  /** PKCS#8 private key wrapped under the master key (purpose "ca-key"). */
  privateKey: WrappedSecret;
}

/** The whole hierarchy, created once and never changed afterwards (except re-wrapping on key rotation). */
export interface CaMaterial {
  createdAt: string;
  root: CaEntity;
  issuing: CaEntity;
  tsa: CaEntity;
  ocsp: CaEntity;
  /** Random HMAC key for subject pseudonyms (purpose "pseudonym-key"); survives master-key rotation. */
  pseudonymKey: WrappedSecret;
}

export type CertificateStatus = "good" | "revoked";

export interface CertificateRecord {
  /** Lower-case hex, no leading zero bytes; unique. */
  serialHex: string;
  /** The app's reference to the holder (user id); opaque here. */
  subjectRef: string;
  /** Certificate DER, base64. */
  der: string;
  notBefore: string;
  notAfter: string;
  status: CertificateStatus;
  revokedAt: string | null;
  reason: RevocationReason | null;
  issuedAt: string;
}

export interface StoredCrl {
  crlNumber: string; // decimal; bigint as text
  der: string; // base64
  thisUpdate: string;
  nextUpdate: string;
}

export interface StoredSecretRef {
  /** Opaque to lib/pki, e.g. "ca:issuing", "key:<userKeyId>", "grant:<grantId>". */
  ref: string;
  secret: WrappedSecret;
}

export interface PkiStore {
  /** The CA hierarchy, or null before the first start. Plain read. */
  getCaMaterial(): Promise<CaMaterial | null>;
  /**
   * ATOMIC insert-if-absent: stores `material` only when no hierarchy exists and
   * returns whichever hierarchy is stored afterwards (ours or the one another
   * instance inserted first). Postgres: a single-row table with a fixed primary
   * key and `INSERT … ON CONFLICT DO NOTHING` followed by a SELECT.
   */
  insertCaMaterialIfAbsent(material: CaMaterial): Promise<CaMaterial>;

  /** Inserts a new certificate. Serial is the unique key; a duplicate must reject. */
  insertCertificate(record: CertificateRecord): Promise<void>;
  getCertificate(serialHex: string): Promise<CertificateRecord | null>;
  listCertificatesBySubject(subjectRef: string): Promise<CertificateRecord[]>;
  /**
   * CONDITIONAL update: status good → revoked with time and reason, only if the
   * certificate is still good (`UPDATE … WHERE serial = $1 AND status = 'good'`).
   * Returns true when this call revoked it, false when unknown or already revoked.
   */
  revokeCertificate(serialHex: string, revokedAt: string, reason: RevocationReason): Promise<boolean>;
  /** All revoked certificates that have not expired by `now` (expired ones may leave the CRL). */
  listRevokedCertificates(now: string): Promise<CertificateRecord[]>;

  /** ATOMIC increment; returns the next CRL number (1, 2, …), never the same twice (a sequence). */
  nextCrlNumber(): Promise<bigint>;
  /** Stores a CRL; keeps it only if its number is higher than the stored one (`WHERE crl_number < $n`). */
  saveCrl(crl: StoredCrl): Promise<void>;
  getLatestCrl(): Promise<StoredCrl | null>;

  /**
   * Every master-key-wrapped secret the app stores (CA keys, pseudonym key,
   * custody records' `wrapped`, grant keys), ordered by ref, after `after`.
   * Used only by master-key rotation.
   */
  listWrappedSecrets(after: string | null, limit: number): Promise<StoredSecretRef[]>;
  /** COMPARE-AND-SET: replace `ref`'s secret with `next` only if it still equals `expected`. */
  replaceWrappedSecret(ref: string, expected: WrappedSecret, next: WrappedSecret): Promise<boolean>;
}
