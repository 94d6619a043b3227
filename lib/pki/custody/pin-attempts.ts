// The wrong-PIN counter as pure state transitions. Interpretation of the rules:
// counters reset on a correct PIN; the 5th consecutive wrong PIN locks the key
// for 30 minutes; after the lock, wrong PINs keep counting and the 10th wrong
// PIN (without a correct one in between) makes the key unusable for good.
import { AppError } from "@/lib/errors";
import type { KeyCustodyRecord } from "./key-custody";

export const PIN_LOCK_AFTER = 5;
export const PIN_UNUSABLE_AFTER = 10;
export const PIN_LOCK_MS = 30 * 60 * 1000;

/** Why the PIN cannot be tried now, or null. Pure read; nothing to persist. */
export function pinBlockedError(record: KeyCustodyRecord, now: Date): AppError | null {
  if (record.unusable || record.failedAttempts >= PIN_UNUSABLE_AFTER) {
    return new AppError("KEY_UNUSABLE", "too many wrong PINs; renew the certificate to get a new key");
  }
  if (record.lockedUntil && Date.parse(record.lockedUntil) > now.getTime()) {
    const seconds = Math.ceil((Date.parse(record.lockedUntil) - now.getTime()) / 1000);
    return new AppError("PIN_LOCKED", `PIN locked for ${seconds} s`, {
      params: { minutes: Math.ceil(seconds / 60), seconds, until: record.lockedUntil },
    });
  }
  return null;
}

export function recordWrongPin(record: KeyCustodyRecord, now: Date): { record: KeyCustodyRecord; error: AppError } {
  const failedAttempts = record.failedAttempts + 1;
  const next: KeyCustodyRecord = { ...record, failedAttempts, revision: record.revision + 1 };
  if (failedAttempts >= PIN_UNUSABLE_AFTER) {
    next.unusable = true;
    next.lockedUntil = null;
    return { record: next, error: new AppError("KEY_UNUSABLE", "too many wrong PINs; renew the certificate to get a new key") };
  }
  if (failedAttempts === PIN_LOCK_AFTER) {
    next.lockedUntil = new Date(now.getTime() + PIN_LOCK_MS).toISOString();
    return {
      record: next,
      error: new AppError("PIN_LOCKED", "wrong PIN; locked for 30 minutes", {
        params: { minutes: PIN_LOCK_MS / 60_000, seconds: PIN_LOCK_MS / 1000, until: next.lockedUntil },
      }),
    };
  }
  // Tries left before the next consequence (the lock, then unusable): what the message {remaining} shows.
  const remaining = (failedAttempts < PIN_LOCK_AFTER ? PIN_LOCK_AFTER : PIN_UNUSABLE_AFTER) - failedAttempts;
  return { record: next, error: new AppError("PIN_WRONG", "wrong PIN", { params: { remaining } }) };
}

export const recordCorrectPin = (record: KeyCustodyRecord): KeyCustodyRecord => ({
  ...record,
  failedAttempts: 0,
  lockedUntil: null,
  revision: record.revision + 1,
});
