import "server-only";
import { and, asc, eq, gt, lt, sql } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { certificates, identityVerifications, livenessChallenges, pkiCa, pkiCounters, pkiCrls, signingKeys, type CertificateRow } from "@/lib/db/schema";
import type { CaMaterial, CertificateRecord, PkiStore, RevocationReason, StoredCrl, StoredSecretRef, WrappedSecret } from "@/lib/pki";

const CA_SECRETS = {
  "ca:issuing": ["issuing", "privateKey"],
  "ca:ocsp": ["ocsp", "privateKey"],
  "ca:pseudonym": ["pseudonymKey"],
  "ca:root": ["root", "privateKey"],
  "ca:tsa": ["tsa", "privateKey"],
} as const;

const iso = (v: string | null) => (v === null ? null : new Date(v).toISOString());

function toRecord(r: CertificateRow): CertificateRecord {
  return {
    serialHex: r.serialHex,
    subjectRef: r.subjectRef,
    der: r.der,
    notBefore: iso(r.notBefore)!,
    notAfter: iso(r.notAfter)!,
    status: r.status,
    revokedAt: iso(r.revokedAt),
    reason: r.reason as RevocationReason | null,
    issuedAt: iso(r.issuedAt)!,
  };
}

/** lib/pki's storage on PostgreSQL/PGlite, with the atomicity store.ts asks for. */
export function createPgPkiStore(db: Db): PkiStore {
  return {
    async getCaMaterial() {
      const [row] = await db.select().from(pkiCa).where(eq(pkiCa.id, 1));
      return row?.material ?? null;
    },
    async insertCaMaterialIfAbsent(material: CaMaterial) {
      await db.insert(pkiCa).values({ id: 1, material }).onConflictDoNothing();
      const [row] = await db.select().from(pkiCa).where(eq(pkiCa.id, 1));
      return row!.material;
    },
    async insertCertificate(r) {
      await db.insert(certificates).values(r);
    },
    async getCertificate(serialHex) {
      const [row] = await db.select().from(certificates).where(eq(certificates.serialHex, serialHex));
      return row ? toRecord(row) : null;
    },
    async listCertificatesBySubject(subjectRef) {
      return (await db.select().from(certificates).where(eq(certificates.subjectRef, subjectRef)).orderBy(asc(certificates.issuedAt))).map(toRecord);
    },
    async revokeCertificate(serialHex, revokedAt, reason) {
      const rows = await db
        .update(certificates)
        .set({ status: "revoked", revokedAt, reason })
        .where(and(eq(certificates.serialHex, serialHex), eq(certificates.status, "good")))
        .returning({ s: certificates.serialHex });
      return rows.length === 1;
    },
    async listRevokedCertificates(now) {
      return (await db.select().from(certificates).where(and(eq(certificates.status, "revoked"), gt(certificates.notAfter, now)))).map(toRecord);
    },
    async nextCrlNumber() {
      const [row] = await db
        .insert(pkiCounters)
        .values({ name: "crl", value: 1n })
        .onConflictDoUpdate({ target: pkiCounters.name, set: { value: sql`${pkiCounters.value} + 1` } })
        .returning({ value: pkiCounters.value });
      return BigInt(row!.value);
    },
    async saveCrl(crl: StoredCrl) {
      const values = { id: 1, crlNumber: BigInt(crl.crlNumber), der: crl.der, thisUpdate: crl.thisUpdate, nextUpdate: crl.nextUpdate };
      await db
        .insert(pkiCrls)
        .values(values)
        .onConflictDoUpdate({ target: pkiCrls.id, set: values, setWhere: lt(pkiCrls.crlNumber, values.crlNumber) });
    },
    async getLatestCrl() {
      const [row] = await db.select().from(pkiCrls).where(eq(pkiCrls.id, 1));
      if (!row) return null;
      return { crlNumber: row.crlNumber.toString(), der: row.der, thisUpdate: iso(row.thisUpdate)!, nextUpdate: iso(row.nextUpdate)! };
    },
    async listWrappedSecrets(after, limit) {
      const all: StoredSecretRef[] = [];
      const material = await this.getCaMaterial();
      if (material) {
        for (const [ref, path] of Object.entries(CA_SECRETS)) {
          const secret = path.reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], material) as WrappedSecret;
          all.push({ ref, secret });
        }
      }
      const keys = await db.select({ id: signingKeys.id, custody: signingKeys.custody }).from(signingKeys);
      for (const k of keys) all.push({ ref: `key:${k.id}`, secret: k.custody.wrapped });
      // Real-name evidence: the wrapped ID number and each encrypted file's data key.
      const idv = await db.select({ id: identityVerifications.id, number: identityVerifications.idNumberWrapped, front: identityVerifications.cardFront, back: identityVerifications.cardBack }).from(identityVerifications);
      for (const v of idv) {
        all.push({ ref: `idv:${v.id}:number`, secret: v.number }, { ref: `idv:${v.id}:front`, secret: v.front.wrappedKey });
        if (v.back) all.push({ ref: `idv:${v.id}:back`, secret: v.back.wrappedKey });
      }
      const live = await db.select({ id: livenessChallenges.id, frames: livenessChallenges.frames }).from(livenessChallenges);
      for (const c of live) (c.frames ?? []).forEach((f, i) => f.wrappedKey && all.push({ ref: `live:${c.id}:${String(i).padStart(2, "0")}`, secret: f.wrappedKey }));
      all.sort((a, b) => (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0));
      return all.filter((s) => after === null || s.ref > after).slice(0, limit);
    },
    async replaceWrappedSecret(ref, expected, next) {
      if (ref.startsWith("key:")) {
        const rows = await db
          .update(signingKeys)
          .set({
            custody: sql`jsonb_set(${signingKeys.custody}, '{wrapped}', to_jsonb(${next}::text))`,
          })
          .where(and(eq(signingKeys.id, ref.slice(4)), sql`${signingKeys.custody}->>'wrapped' = ${expected}`))
          .returning({ id: signingKeys.id });
        return rows.length === 1;
      }
      if (ref.startsWith("idv:") || ref.startsWith("live:")) return replaceEvidenceSecret(db, ref, expected, next);
      const path = CA_SECRETS[ref as keyof typeof CA_SECRETS];
      if (!path) return false;
      const pgPath = `{${path.join(",")}}`;
      const rows = await db
        .update(pkiCa)
        .set({ material: sql`jsonb_set(${pkiCa.material}, ${pgPath}::text[], to_jsonb(${next}::text))` })
        .where(and(eq(pkiCa.id, 1), sql`${pkiCa.material} #>> ${pgPath}::text[] = ${expected}`))
        .returning({ id: pkiCa.id });
      return rows.length === 1;
    },
  };
}

/** Compare-and-set of one real-name evidence secret (see listWrappedSecrets for the refs). */
async function replaceEvidenceSecret(db: Db, ref: string, expected: WrappedSecret, next: WrappedSecret): Promise<boolean> {
  const [kind, id, part] = ref.split(":") as [string, string, string];
  if (kind === "idv" && part === "number") {
    const rows = await db
      .update(identityVerifications)
      .set({ idNumberWrapped: next })
      .where(and(eq(identityVerifications.id, id), eq(identityVerifications.idNumberWrapped, expected)))
      .returning({ id: identityVerifications.id });
    return rows.length === 1;
  }
  if (kind === "idv" && (part === "front" || part === "back")) {
    const col = part === "front" ? identityVerifications.cardFront : identityVerifications.cardBack;
    const rows = await db
      .update(identityVerifications)
      .set({ [part === "front" ? "cardFront" : "cardBack"]: sql`jsonb_set(${col}, '{wrappedKey}', to_jsonb(${next}::text))` })
      .where(and(eq(identityVerifications.id, id), sql`${col}->>'wrappedKey' = ${expected}`))
      .returning({ id: identityVerifications.id });
    return rows.length === 1;
  }
  if (kind === "live") {
    const path = `{${Number(part)},wrappedKey}`;
    const rows = await db
      .update(livenessChallenges)
      .set({ frames: sql`jsonb_set(${livenessChallenges.frames}, ${path}::text[], to_jsonb(${next}::text))` })
      .where(and(eq(livenessChallenges.id, id), sql`${livenessChallenges.frames} #>> ${path}::text[] = ${expected}`))
      .returning({ id: livenessChallenges.id });
    return rows.length === 1;
  }
  return false;
}
