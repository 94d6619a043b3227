// The default KeyCustody: keys generated with Node crypto on this server,
// stored double-wrapped (wrap-private-key.ts), decrypted only for the one
// operation and then dropped.
import { createPrivateKey, sign, type KeyObject } from "node:crypto";
import { AppError } from "@/lib/errors";
import type { HashName } from "../asn1/oids";
import { generateKeys, spkiDer, type KeyAlgorithm } from "../keys";
import type { MasterKeyRing } from "../master-keys";
import { rewrapSecret, unwrapSecret, wrapSecret } from "../wrap-secret";
import { checkPinStrength } from "./check-pin-strength";
import type { CustodyOutcome, KeyCustody, KeyCustodyRecord } from "./key-custody";
import { pinBlockedError, recordCorrectPin, recordWrongPin } from "./pin-attempts";
import { GrantKeyCache, type GrantKeyCacheOptions } from "./grant-key-cache";
import { DEFAULT_SCRYPT, unwrapPrivateKey, wrapPrivateKey, type ScryptCost } from "./wrap-private-key";

export interface LocalCustodyOptions {
  masterKeys: MasterKeyRing;
  defaultAlgorithm?: KeyAlgorithm;
  /** Lower only in tests; the cost is stored per key, so raising it later is safe. */
  scryptCost?: ScryptCost;
  /** Keep grant KeyObjects briefly between API calls (see grant-key-cache.ts); false disables. */
  grantKeyCache?: GrantKeyCacheOptions | false;
}

const USER_KEY_ALGORITHMS: KeyAlgorithm[] = ["RSA-2048", "RSA-3072", "P-256"];

const toKey = (pkcs8: Buffer): KeyObject => {
  try {
    return createPrivateKey({ key: pkcs8, format: "der", type: "pkcs8" });
  } finally {
    pkcs8.fill(0);
  }
};

/** RSA PKCS#1 v1.5 or ECDSA (DER) over `hash(data)`. */
const signData = (key: KeyObject, data: Buffer, hash: HashName = "sha256") => sign(hash, data, key);

export function createLocalKeyCustody(opts: LocalCustodyOptions): KeyCustody {
  const { masterKeys } = opts;
  const cost = opts.scryptCost ?? DEFAULT_SCRYPT;
  const grantCache = opts.grantKeyCache === false ? null : new GrantKeyCache(opts.grantKeyCache);

  /** Shared PIN path: blocked? → scrypt → counters. `withKey` runs only with the right PIN. */
  async function withPin<T>(
    record: KeyCustodyRecord,
    pin: string,
    now: Date,
    withKey: (pkcs8: Buffer, record: KeyCustodyRecord) => Promise<T> | T,
  ): Promise<CustodyOutcome<T>> {
    if (record.custody !== "local" || record.format !== 1) throw new Error(`record belongs to custody "${record.custody}", not "local"`);
    const blocked = pinBlockedError(record, now);
    if (blocked) return { ok: false, record, changed: false, error: blocked };
    const pkcs8 = await unwrapPrivateKey({ wrapped: record.wrapped, pin, publicKeySpki: Buffer.from(record.publicKey, "base64"), masterKeys });
    if (!pkcs8) {
      const wrong = recordWrongPin(record, now);
      return { ok: false, record: wrong.record, changed: true, error: wrong.error };
    }
    try {
      const next = recordCorrectPin(record);
      return { ok: true, record: next, changed: true, value: await withKey(pkcs8, next) };
    } finally {
      pkcs8.fill(0);
    }
  }

  return {
    kind: "local",

    async generateKey({ pin, algorithm, pinContext }) {
      checkPinStrength(pin, pinContext);
      const alg = algorithm ?? opts.defaultAlgorithm ?? "RSA-2048";
      if (!USER_KEY_ALGORITHMS.includes(alg)) throw new AppError("INVALID_INPUT", `unsupported user key algorithm ${alg}`);
      const { privateKey, publicKey } = await generateKeys(alg);
      const spki = spkiDer(publicKey);
      const pkcs8 = privateKey.export({ type: "pkcs8", format: "der" }) as Buffer;
      try {
        const wrapped = await wrapPrivateKey({ pkcs8, pin, publicKeySpki: spki, masterKeys, cost });
        const record: KeyCustodyRecord = {
          format: 1,
          custody: "local",
          algorithm: alg,
          publicKey: spki.toString("base64"),
          wrapped,
          failedAttempts: 0,
          lockedUntil: null,
          unusable: false,
          revision: 0,
        };
        return { record, publicKey: spki };
      } finally {
        pkcs8.fill(0);
      }
    },

    unlockWithPin({ record, pin, grant, now = new Date() }) {
      return withPin(record, pin, now, (pkcs8) => ({
        grantKey: grant ? wrapSecret(masterKeys, "grant-key", pkcs8) : null,
      }));
    },

    signWithPin({ record, pin, data, hash, now = new Date() }) {
      return withPin(record, pin, now, (pkcs8) => ({ signature: signData(toKey(Buffer.from(pkcs8)), data, hash) }));
    },

    async changePin({ record, oldPin, newPin, pinContext, now = new Date() }) {
      checkPinStrength(newPin, pinContext); // before touching counters: a weak new PIN is not a wrong old one
      return withPin(record, oldPin, now, async (pkcs8, next) => {
        next.wrapped = await wrapPrivateKey({ pkcs8, pin: newPin, publicKeySpki: Buffer.from(record.publicKey, "base64"), masterKeys, cost });
        return null;
      });
    },

    async signWithGrantKey({ grantKey, data, hash }) {
      const load = () => toKey(unwrapSecret(masterKeys, "grant-key", grantKey));
      return signData(grantCache ? grantCache.get(grantKey, load) : load(), data, hash);
    },

    endGrant(grantKey) {
      grantCache?.delete(grantKey);
    },

    rewrapRecord(record) {
      const wrapped = rewrapSecret(masterKeys, record.wrapped);
      return wrapped ? { ...record, wrapped, revision: record.revision + 1 } : null;
    },
  };
}
