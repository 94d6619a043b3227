import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { appendAuditEntry } from "@/lib/audit";
import { getDb } from "@/lib/db";
import { identityVerifications, signingKeys } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { assertStepReached } from "@/lib/onboarding/assert-step-reached";
import { advanceMembership } from "@/lib/onboarding/advance-membership";
import { getMembership } from "@/lib/onboarding/get-membership";
import { issueCertificate, revokeCertificate, unwrapSecret, type MasterKeyRing } from "@/lib/pki";
import { getPki } from "./get-pki";

export interface IssuePersonalCertificateOptions {
  actorId: string;
  membershipId: string;
  pin: string;
  ip?: string | null;
}

/**
 * Onboarding step `certified`: a key pair is generated under the user's new
 * signing PIN and a certificate issued for it (CN real name, O organisation,
 * OU role). Refused to members who owe an earlier step or already have one.
 */
export async function issuePersonalCertificate({ actorId, membershipId, pin, ip }: IssuePersonalCertificateOptions) {
  const { membership, project, role, user } = await getMembership({ membershipId, actorId });
  assertStepReached(membership.status, role, "certified");
  if (membership.status !== "registered" && membership.status !== "identity_verified" && membership.status !== "paid") {
    throw new AppError("CONFLICT", "certificate already issued");
  }
  const pki = await getPki();
  // A verified member's ID number keys the certificate's pseudonym and feeds
  // the PIN rules (no birthday PINs); roles without an ID check use the account.
  const idNumber = await verifiedIdNumber(membershipId, pki.masterKeys);
  const { record, publicKey } = await pki.custody.generateKey({ pin, pinContext: idNumber ? { idNumber } : {} });
  const realName = user.realName ?? user.phone;
  const issued = await issueCertificate({
    ca: pki.ca,
    store: pki.store,
    subjectRef: membershipId,
    realName,
    idNumber: idNumber ?? `account:${user.id}`,
    organisation: project.organisation,
    role: role.name,
    publicKey,
  });
  const db = await getDb();
  try {
    await db.transaction(async (tx) => {
      await tx.update(signingKeys).set({ status: "superseded" }).where(and(eq(signingKeys.membershipId, membershipId), eq(signingKeys.status, "active")));
      await tx.insert(signingKeys).values({ userId: actorId, membershipId, certificateSerial: issued.record.serialHex, custody: record, revision: record.revision });
      await advanceMembership({ db: tx, membershipId, step: "certified", actorId, ip, data: { serial: issued.record.serialHex } });
      await appendAuditEntry({ db: tx, actorId, action: "certificate.issued", subjectType: "certificate", subjectId: issued.record.serialHex, ip, data: { membershipId, notAfter: issued.record.notAfter } });
    });
  } catch (e) {
    // The certificate exists but no one holds its key: revoke it rather than leave it good.
    await revokeCertificate({ ca: pki.ca, store: pki.store, serialHex: issued.record.serialHex, reason: "cessationOfOperation" }).catch(() => undefined);
    throw e;
  }
  return { serialHex: issued.record.serialHex, notBefore: issued.record.notBefore, notAfter: issued.record.notAfter };
}

async function verifiedIdNumber(membershipId: string, masterKeys: MasterKeyRing): Promise<string | null> {
  const db = await getDb();
  const [v] = await db
    .select({ wrapped: identityVerifications.idNumberWrapped })
    .from(identityVerifications)
    .where(and(eq(identityVerifications.membershipId, membershipId), eq(identityVerifications.status, "passed")))
    .orderBy(desc(identityVerifications.updatedAt))
    .limit(1);
  return v ? unwrapSecret(masterKeys, "personal-data", v.wrapped).toString("utf8") : null;
}
