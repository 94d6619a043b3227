// A complete in-process PkiStore: used by tests and the benchmark, and good for
// a single-process demo. Each method does its check-and-write inside one
// synchronous block, which is what makes it atomic on Node's single thread.
// Values are cloned in and out so callers cannot mutate stored state.
import type { CaMaterial, CertificateRecord, PkiStore, RevocationReason, StoredCrl, StoredSecretRef } from "./store";
import type { WrappedSecret } from "./wrap-secret";

const CA_REFS = ["root", "issuing", "tsa", "ocsp"] as const;
const clone = <T>(v: T): T => structuredClone(v);
const tick = () => new Promise<void>((r) => setImmediate(r)); // let concurrent callers interleave, like a real DB

export class MemoryPkiStore implements PkiStore {
  private ca: CaMaterial | null = null;
  private certs = new Map<string, CertificateRecord>();
  private crlCounter = 0n;
  private crl: StoredCrl | null = null;
  /** Wrapped secrets that live outside CA material (custody records, grants): ref → secret. */
  private secrets = new Map<string, WrappedSecret>();

  async getCaMaterial() {
    await tick();
    return this.ca ? clone(this.ca) : null;
  }

  async insertCaMaterialIfAbsent(material: CaMaterial) {
    await tick();
    if (!this.ca) this.ca = clone(material);
    return clone(this.ca);
  }

  async insertCertificate(record: CertificateRecord) {
    await tick();
    if (this.certs.has(record.serialHex)) throw new Error(`duplicate serial ${record.serialHex}`);
    this.certs.set(record.serialHex, clone(record));
  }

  async getCertificate(serialHex: string) {
    await tick();
    const r = this.certs.get(serialHex);
    return r ? clone(r) : null;
  }

  async listCertificatesBySubject(subjectRef: string) {
    await tick();
    return [...this.certs.values()].filter((c) => c.subjectRef === subjectRef).map(clone);
  }

  async revokeCertificate(serialHex: string, revokedAt: string, reason: RevocationReason) {
    await tick();
    const r = this.certs.get(serialHex);
    if (!r || r.status !== "good") return false;
    Object.assign(r, { status: "revoked", revokedAt, reason });
    return true;
  }

  async listRevokedCertificates(now: string) {
    await tick();
    const t = Date.parse(now);
    return [...this.certs.values()].filter((c) => c.status === "revoked" && Date.parse(c.notAfter) > t).map(clone);
  }

  async nextCrlNumber() {
    await tick();
    return ++this.crlCounter;
  }

  async saveCrl(crl: StoredCrl) {
    await tick();
    if (!this.crl || BigInt(crl.crlNumber) > BigInt(this.crl.crlNumber)) this.crl = clone(crl);
  }

  async getLatestCrl() {
    await tick();
    return this.crl ? clone(this.crl) : null;
  }

  async listWrappedSecrets(after: string | null, limit: number): Promise<StoredSecretRef[]> {
    await tick();
    const all: StoredSecretRef[] = [...this.secrets].map(([ref, secret]) => ({ ref, secret }));
    if (this.ca) {
      for (const k of CA_REFS) all.push({ ref: `ca:${k}`, secret: this.ca[k].privateKey });
      all.push({ ref: "ca:pseudonym", secret: this.ca.pseudonymKey });
    }
    return all
      .sort((a, b) => (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0))
      .filter((s) => after === null || s.ref > after)
      .slice(0, limit);
  }

  async replaceWrappedSecret(ref: string, expected: WrappedSecret, next: WrappedSecret) {
    await tick();
    if (ref.startsWith("ca:") && this.ca) {
      const k = ref.slice(3);
      if (k === "pseudonym") {
        if (this.ca.pseudonymKey !== expected) return false;
        this.ca.pseudonymKey = next;
        return true;
      }
      const entity = this.ca[k as (typeof CA_REFS)[number]];
      if (!entity || entity.privateKey !== expected) return false;
      entity.privateKey = next;
      return true;
    }
    if (this.secrets.get(ref) !== expected) return false;
    this.secrets.set(ref, next);
    return true;
  }

  // --- not part of PkiStore: where the in-memory app keeps custody blobs and grant keys ---

  putSecret(ref: string, secret: WrappedSecret): void {
    this.secrets.set(ref, secret);
  }

  getSecret(ref: string): WrappedSecret | undefined {
    return this.secrets.get(ref);
  }

  deleteSecret(ref: string): void {
    this.secrets.delete(ref);
  }
}
