// Key custody behind one interface, so an HSM/KMS transport can replace the
// local one without touching callers (CONVENTIONS habit 8). Records are plain
// JSON data that the caller persists; every PIN attempt returns the record to
// write back with a conditional update on `revision`.
import type { AppError } from "@/lib/errors";
import type { HashName } from "../asn1/oids";
import type { KeyAlgorithm } from "../keys";
import type { WrappedSecret } from "../wrap-secret";
import type { PinContext } from "./check-pin-strength";

export interface KeyCustodyRecord {
  format: 1;
  /** Which KeyCustody implementation made it ("local", later e.g. "kms"). */
  custody: string;
  algorithm: KeyAlgorithm;
  /** SubjectPublicKeyInfo DER, base64: what the certificate is issued for. */
  publicKey: string;
  /** The private key, PIN layer inside master-key layer (see wrap-private-key.ts). */
  wrapped: WrappedSecret;
  /** Wrong PINs since the last correct one. 5 → locked for 30 min; 10 → unusable. */
  failedAttempts: number;
  lockedUntil: string | null;
  /** Set at 10 wrong PINs: only a new key (renewal) helps. */
  unusable: boolean;
  /** Incremented on every write: `UPDATE … SET record = $next WHERE id = $id AND revision = $prev`. */
  revision: number;
}

/**
 * Result of anything that checks a PIN. `record` must be written back when
 * `changed` (conditional on the previous revision) BEFORE acting on `ok` — if
 * the write loses the race, reload and try again (see runPinAttempt). Otherwise
 * parallel guesses against one revision would escape the counter.
 */
export type CustodyOutcome<T> =
  | { ok: true; record: KeyCustodyRecord; changed: boolean; value: T }
  | { ok: false; record: KeyCustodyRecord; changed: boolean; error: AppError };

export interface GenerateKeyOptions {
  pin: string;
  algorithm?: KeyAlgorithm;
  /** For PIN rules (birth date, ID number). */
  pinContext?: PinContext;
}

export interface KeyCustody {
  readonly kind: string;
  /** New key pair under a new PIN (checked for strength). */
  generateKey(opts: GenerateKeyOptions): Promise<{ record: KeyCustodyRecord; publicKey: Buffer }>;
  /**
   * Checks the PIN. With `grant: true` also returns a copy of the key wrapped
   * under the master key only (purpose "grant-key"), for the business API to
   * sign during an authorisation window. The caller stores it with the grant
   * and deletes it when the grant ends.
   */
  unlockWithPin(opts: { record: KeyCustodyRecord; pin: string; grant?: boolean; now?: Date }): Promise<CustodyOutcome<{ grantKey: WrappedSecret | null }>>;
  /** Checks the PIN and signs `data` (hash-then-sign with `hash`, default SHA-256). */
  signWithPin(opts: {
    record: KeyCustodyRecord;
    pin: string;
    data: Buffer;
    hash?: HashName;
    now?: Date;
  }): Promise<CustodyOutcome<{ signature: Buffer }>>;
  /** New PIN, same key: re-wraps the inner layer. */
  changePin(opts: {
    record: KeyCustodyRecord;
    oldPin: string;
    newPin: string;
    pinContext?: PinContext;
    now?: Date;
  }): Promise<CustodyOutcome<null>>;
  /** Signs with a grant key (master key only, no PIN). */
  signWithGrantKey(opts: { grantKey: WrappedSecret; data: Buffer; hash?: HashName }): Promise<Buffer>;
  /** The grant ended (expired or revoked): forget any material held for it. The caller deletes the stored grant key. */
  endGrant(grantKey: WrappedSecret): void;
  /** Moves the record's outer layer to the current master key; null when already there. */
  rewrapRecord(record: KeyCustodyRecord): KeyCustodyRecord | null;
}
