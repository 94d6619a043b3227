import "server-only";
import { and, asc, eq, gt, lt, sql } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { certificates, pkiCa, pkiCounters, pkiCrls, signingKeys, type CertificateRow } from "@/lib/db/schema";
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
