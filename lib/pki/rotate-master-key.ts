// Master-key rotation, for `npm run rotate-master-key`:
//   1. set MASTER_KEY to a new key, move the old one into MASTER_KEYS_OLD, restart;
//   2. run rotateMasterKey({ store, masterKeys: loadMasterKeys() });
//   3. when it reports remaining = 0, drop the old key from MASTER_KEYS_OLD.
// Only the outer (master-key) layer changes; PINs are never needed.
import type { MasterKeyRing } from "./master-keys";
import type { PkiStore } from "./store";
import { readSecretHeader, rewrapSecret } from "./wrap-secret";

export interface RotationReport {
  /** Secrets moved to the current key by this run. */
  rewrapped: number;
  /** Already under the current key. */
  current: number;
  /** Could not be re-wrapped (unknown key id, corrupt): ref → reason. These need attention. */
  failed: Record<string, string>;
  /** Changed by someone else during the run; re-run to pick them up. */
  conflicts: number;
}

export async function rotateMasterKey(opts: {
  store: PkiStore;
  masterKeys: MasterKeyRing;
  batchSize?: number;
  log?: (message: string) => void;
}): Promise<RotationReport> {
  const { store, masterKeys } = opts;
  const report: RotationReport = { rewrapped: 0, current: 0, failed: {}, conflicts: 0 };
  let after: string | null = null;
  for (;;) {
    const batch = await store.listWrappedSecrets(after, opts.batchSize ?? 200);
    if (!batch.length) break;
    for (const { ref, secret } of batch) {
      try {
        if (readSecretHeader(secret).keyId === masterKeys.current.id) {
          report.current++;
          continue;
        }
        const next = rewrapSecret(masterKeys, secret)!;
        if (await store.replaceWrappedSecret(ref, secret, next)) report.rewrapped++;
        else report.conflicts++;
      } catch (e) {
        report.failed[ref] = e instanceof Error ? e.message : String(e);
      }
    }
    after = batch[batch.length - 1].ref;
  }
  opts.log?.(
    `master key ${masterKeys.current.id}: ${report.rewrapped} re-wrapped, ${report.current} already current, ` +
      `${report.conflicts} conflicts, ${Object.keys(report.failed).length} failed`,
  );
  return report;
}
