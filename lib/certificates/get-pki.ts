import "server-only";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import {
  createLocalKeyCustody,
  createOcspResponder,
  createTimestampResponder,
  ensureCa,
  loadMasterKeys,
  type CertificateAuthority,
  type KeyCustody,
  type MasterKeyRing,
  type OcspResponder,
  type PkiStore,
  type TimestampResponder,
} from "@/lib/pki";
import { createPgPkiStore } from "./pg-pki-store";

export interface Pki {
  masterKeys: MasterKeyRing;
  store: PkiStore;
  ca: CertificateAuthority;
  ocsp: OcspResponder;
  tsa: TimestampResponder;
  custody: KeyCustody;
  baseUrl: string;
}

const globalForPki = globalThis as unknown as { __cloudSignPki?: Promise<Pki> };

/** The public origin written into certificates (OCSP, CA issuers, CRL URLs). */
export function pkiBaseUrl(): string {
  return (env().APP_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, "");
}

/**
 * The CA, responders and key custody, built once per process: the first
 * instance to start creates the hierarchy, every other one loads it. Keys are
 * unwrapped here, so a missing or wrong master key fails loudly at once.
 */
export function getPki(): Promise<Pki> {
  globalForPki.__cloudSignPki ??= (async () => {
    const masterKeys = loadMasterKeys({ dataDir: env().DATA_DIR });
    const store = createPgPkiStore(await getDb());
    const baseUrl = pkiBaseUrl();
    const ca = await ensureCa({ store, masterKeys, baseUrl, operatorName: "云签署 Cloud Sign" });
    return {
      masterKeys,
      store,
      ca,
      ocsp: createOcspResponder({ ca, store }),
      tsa: createTimestampResponder({ ca }),
      custody: createLocalKeyCustody({ masterKeys }),
      baseUrl,
    };
  })().catch((e) => {
    globalForPki.__cloudSignPki = undefined;
    throw e;
  });
  return globalForPki.__cloudSignPki;
}

export function resetPkiForTests(): void {
  globalForPki.__cloudSignPki = undefined;
}
