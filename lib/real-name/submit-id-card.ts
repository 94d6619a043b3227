import "server-only";
import { randomUUID } from "node:crypto";
import { appendAuditEntry } from "@/lib/audit";
import { getPki } from "@/lib/certificates/get-pki";
import { getDb } from "@/lib/db";
import { identityVerifications } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { sealEvidence } from "@/lib/evidence/seal-evidence";
import { checkCardValidity, maskIdNumber } from "@/lib/identity";
import { assertStepReached } from "@/lib/onboarding/assert-step-reached";
import { getMembership } from "@/lib/onboarding/get-membership";
import { wrapSecret } from "@/lib/pki";
import { getIdentityVerifier } from "./identity-verifier";
import { validUntilLabel } from "./valid-until-label";

export const MAX_CARD_IMAGE_BYTES = 6 * 1024 * 1024;

export interface SubmitIdCardOptions {
  actorId: string;
  membershipId: string;
  front: Uint8Array;
  back: Uint8Array;
  ip?: string | null;
  now?: Date;
}

/**
 * 身份信息确认, server side: the card front must show a face and readable
 * name and number; the number must pass GB 11643; the name must equal the
 * registered one — else 「实名信息不一致」 naming the item. The back's 有效期限
 * is read too: an expired card is refused now; an unreadable one is typed by
 * the user on the confirmation page. Images are stored encrypted; nothing is
 * advanced until the user confirms.
 */
export async function submitIdCard(o: SubmitIdCardOptions) {
  const { membership, role, user } = await getMembership({ membershipId: o.membershipId, actorId: o.actorId });
  assertStepReached(membership.status, role, "identity_verified");
  if (membership.status !== "registered") throw new AppError("CONFLICT", "already verified");
  for (const img of [o.front, o.back]) if (img.length > MAX_CARD_IMAGE_BYTES) throw new AppError("ID_IMAGE_INVALID", "image too large");

  const reading = await getIdentityVerifier().readCard({ front: o.front, back: o.back, now: o.now });
  if (reading.name !== user.realName) {
    throw new AppError("REAL_NAME_INCONSISTENT", "name differs", { params: { read: reading.name, registered: user.realName ?? "" } });
  }
  // A misread date must not lock anyone out: only a clearly read, expired (or
  // not yet valid) card is refused here; anything else is confirmed by the user.
  const validity = reading.validity ? checkCardValidity(reading.validity, o.now) : null;
  if (validity && !validity.ok && validity.reason !== "ID_CARD_VALIDITY_FORMAT") throw new AppError(validity.reason, "card validity");
  const validityRead = validity?.ok ? reading.validity : null;

  const pki = await getPki();
  const verificationId = randomUUID();
  const cardFront = await sealEvidence({ blobKey: `evidence/${verificationId}/card-front.bin`, bytes: o.front });
  const cardBack = await sealEvidence({ blobKey: `evidence/${verificationId}/card-back.bin`, bytes: o.back });
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(identityVerifications)
      .values({
        id: verificationId,
        membershipId: o.membershipId,
        userId: o.actorId,
        status: "card_read",
        nameOnCard: reading.name,
        idNumberMasked: maskIdNumber(reading.idNumber),
        idNumberWrapped: wrapSecret(pki.masterKeys, "personal-data", Buffer.from(reading.idNumber)),
        birthDate: reading.birthDate,
        cardValidUntil: validity?.ok ? validUntilLabel(validity.validUntil) : null,
        cardValidity: validityRead,
        cardIssuer: reading.issuer,
        cardFront,
        cardBack,
      })
      .returning();
    await appendAuditEntry({ db: tx, actorId: o.actorId, action: "identity.card_read", subjectType: "identity_verification", subjectId: verificationId, ip: o.ip, data: { membershipId: o.membershipId, front: cardFront.sha256, back: cardBack.sha256, validityRead: validityRead !== null } });
    return { verificationId, name: row!.nameOnCard, idNumberMasked: row!.idNumberMasked, birthDate: row!.birthDate, validUntil: row!.cardValidUntil, validity: row!.cardValidity };
  });
}
