import { createCaHierarchy, type CaHierarchyOptions } from "./create-ca-hierarchy";
import { loadCa, type CertificateAuthority } from "./load-ca";
import type { PkiStore } from "./store";

export interface EnsureCaOptions extends CaHierarchyOptions {
  store: PkiStore;
}

/**
 * Returns the CA, creating the hierarchy on first start. Safe when several
 * instances start at once: each may generate a candidate, but only the one the
 * store's atomic insert-if-absent accepts is used by everyone; the losers'
 * keys are dropped unused. Call once per process and keep the result.
 */
export async function ensureCa(opts: EnsureCaOptions): Promise<CertificateAuthority> {
  const { store, masterKeys, baseUrl } = opts;
  let material = await store.getCaMaterial();
  if (!material) {
    const candidate = await createCaHierarchy(opts);
    material = await store.insertCaMaterialIfAbsent(candidate);
  }
  const ca = loadCa({ material, masterKeys, baseUrl });
  // Unwrap the responder keys now so a wrong or missing master key fails at start, not on the first request.
  ca.signer("issuing");
  ca.signer("ocsp");
  ca.signer("tsa");
  return ca;
}
