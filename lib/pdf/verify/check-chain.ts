import { X509Certificate } from "node:crypto";

export type ChainStatus = "trusted" | "untrusted" | "invalid" | "not-checked";

export interface ChainResult {
  status: ChainStatus;
  /** Subjects from the signer up to the anchor that was reached. */
  path: string[];
  reason?: string;
}

/**
 * Builds a path from the signer certificate through the certificates found in
 * the signature to one of `roots`, checking each link's signature, CA flag and
 * validity at `at` (the time-stamp time when there is one). Revocation is not
 * checked here (no network in lib/pdf).
 */
export function checkChain(signer: Uint8Array | undefined, pool: Uint8Array[], roots: Uint8Array[] | undefined, at: Date): ChainResult {
  if (!roots?.length) return { status: "not-checked", path: [] };
  if (!signer) return { status: "invalid", path: [], reason: "no signer certificate" };
  const anchors = roots.map((r) => new X509Certificate(r));
  const candidates = pool.map((p) => tryCert(p)).filter((c): c is X509Certificate => !!c);
  let cur = new X509Certificate(signer);
  const path = [cur.subject];
  for (let depth = 0; depth < 10; depth++) {
    if (!inValidity(cur, at)) return { status: "invalid", path, reason: `certificate “${oneLine(cur.subject)}” is not valid at ${at.toISOString()}` };
    if (anchors.some((a) => a.fingerprint256 === cur.fingerprint256)) return { status: "trusted", path };
    const anchor = anchors.find((a) => cur.checkIssued(a) && cur.verify(a.publicKey));
    if (anchor) {
      path.push(anchor.subject);
      return inValidity(anchor, at) ? { status: "trusted", path } : { status: "invalid", path, reason: "the trust anchor is not valid at the signing time" };
    }
    const next = candidates.find((c) => c.fingerprint256 !== cur.fingerprint256 && cur.checkIssued(c) && c.ca && cur.verify(c.publicKey));
    if (!next) return { status: "untrusted", path, reason: "no path to a trusted root" };
    cur = next;
    path.push(cur.subject);
  }
  return { status: "untrusted", path, reason: "certificate path too long" };
}

function tryCert(der: Uint8Array): X509Certificate | undefined {
  try {
    return new X509Certificate(der);
  } catch {
    return undefined;
  }
}

function inValidity(c: X509Certificate, at: Date): boolean {
  return new Date(c.validFrom) <= at && at <= new Date(c.validTo);
}

const oneLine = (s: string) => s.replace(/\n/g, ", ");

/** Accepts DER or PEM (one or more certificates). */
export function toDerList(input: (Uint8Array | string)[]): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (const item of input) {
    const text = typeof item === "string" ? item : item[0] === 0x2d ? new TextDecoder().decode(item) : undefined;
    if (text === undefined) out.push(item as Uint8Array);
    else for (const m of text.matchAll(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g)) out.push(new Uint8Array(new X509Certificate(m[0]).raw));
  }
  return out;
}
