import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { certificates, memberships, signingKeys } from "@/lib/db/schema";

/** The membership's current certificate (for display), only for its own user. */
export async function getMemberCertificate({ actorId, membershipId }: { actorId: string; membershipId: string }) {
  const db = await getDb();
  const [row] = await db
    .select({ cert: certificates, keyId: signingKeys.id, algorithm: signingKeys.custody })
    .from(signingKeys)
    .innerJoin(memberships, eq(memberships.id, signingKeys.membershipId))
    .innerJoin(certificates, eq(certificates.serialHex, signingKeys.certificateSerial))
    .where(and(eq(signingKeys.membershipId, membershipId), eq(memberships.userId, actorId), eq(signingKeys.status, "active")))
    .orderBy(desc(signingKeys.createdAt))
    .limit(1);
  if (!row) return null;
  return {
    serialHex: row.cert.serialHex,
    notBefore: new Date(row.cert.notBefore),
    notAfter: new Date(row.cert.notAfter),
    status: row.cert.status,
    algorithm: row.algorithm.algorithm,
    der: Buffer.from(row.cert.der, "base64"),
  };
}
