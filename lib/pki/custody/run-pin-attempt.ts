import { AppError } from "@/lib/errors";
import type { CustodyOutcome, KeyCustodyRecord } from "./key-custody";

/**
 * The safe way to use a PIN outcome with a database: load → attempt → write
 * back conditionally → only then act. If the conditional write loses (someone
 * else tried a PIN meanwhile), start over from the fresh record, so parallel
 * guesses are each counted. Throws the outcome's AppError on failure.
 */
export async function runPinAttempt<T>(opts: {
  load: () => Promise<KeyCustodyRecord | null>;
  /** `UPDATE … SET record = next WHERE id = … AND revision = prev.revision`; true if a row changed. */
  save: (prev: KeyCustodyRecord, next: KeyCustodyRecord) => Promise<boolean>;
  attempt: (record: KeyCustodyRecord) => Promise<CustodyOutcome<T>>;
  maxRetries?: number;
}): Promise<T> {
  for (let i = 0; i <= (opts.maxRetries ?? 3); i++) {
    const record = await opts.load();
    if (!record) throw new AppError("NOT_FOUND", "no signing key");
    const outcome = await opts.attempt(record);
    if (outcome.changed && !(await opts.save(record, outcome.record))) continue;
    if (!outcome.ok) throw outcome.error;
    return outcome.value;
  }
  throw new AppError("CONFLICT", "signing key is busy; try again");
}
