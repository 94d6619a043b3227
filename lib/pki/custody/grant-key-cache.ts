// A short-lived, bounded cache of KeyObjects unwrapped from grant keys.
//
// Why this exists: a grant key is, by design, usable by the server alone for
// up to 10 hours, so the business API may sign many documents in a row with it.
// Unwrapping costs more than the signature itself (OpenSSL 3's PKCS#8 decoder
// plus the first-use RSA blinding/Montgomery set-up, ~0.6 ms vs ~0.25 ms to
// sign), which would halve throughput. Keeping the KeyObject for a minute after
// its last use does not widen who can use the key: this process already holds
// the master key that unwraps every grant key. User keys behind a PIN are never
// cached. Entries are keyed by a hash of the wrapped grant, so once the app
// deletes the grant the key cannot be presented again, and endGrant() drops
// the entry at once.
import { createHash, type KeyObject } from "node:crypto";

export interface GrantKeyCacheOptions {
  /** Idle time after which an entry is dropped. Default 60 s. */
  ttlMs?: number;
  /** Most keys held at once (least recently used is dropped). Default 500. */
  maxEntries?: number;
}

export class GrantKeyCache {
  private entries = new Map<string, { key: KeyObject; expires: number }>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;

  constructor(opts: GrantKeyCacheOptions = {}) {
    this.ttlMs = opts.ttlMs ?? 60_000;
    this.maxEntries = opts.maxEntries ?? 500;
  }

  private id = (grantKey: string) => createHash("sha256").update(grantKey).digest("base64");

  get(grantKey: string, load: () => KeyObject, now = Date.now()): KeyObject {
    const id = this.id(grantKey);
    const hit = this.entries.get(id);
    this.entries.delete(id); // re-inserted below: Map order is our LRU order
    const key = hit && hit.expires > now ? hit.key : load();
    this.entries.set(id, { key, expires: now + this.ttlMs });
    for (const [oldest, e] of this.entries) {
      if (this.entries.size <= this.maxEntries && e.expires > now) break;
      this.entries.delete(oldest);
    }
    return key;
  }

  delete(grantKey: string): void {
    this.entries.delete(this.id(grantKey));
  }

  get size(): number {
    return this.entries.size;
  }
}
