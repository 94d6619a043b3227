import "server-only";
import { and, eq, gt, isNull } from "drizzle-orm";
import { appendAuditEntry } from "@/lib/audit";
import { getDb } from "@/lib/db";
import { identityVerifications, livenessChallenges } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { openEvidence, sealEvidence } from "@/lib/evidence/seal-evidence";
import type { LivenessAction, UploadedFrame } from "@/lib/identity";
import { advanceMembership } from "@/lib/onboarding/advance-membership";
import { getIdentityVerifier } from "./identity-verifier";
import { hashNonce } from "./issue-liveness-challenge";
import { loadVerification } from "./load-verification";

export interface SubmitLivenessOptions {
  actorId: string;
  membershipId: string;
  challengeId: string;
  nonce: string;
  frontal: UploadedFrame;
  actionFrames: UploadedFrame[];
  mirrored?: boolean;
  ip?: string | null;
  now?: Date;
}

/**
 * The server decides: the nonce is consumed first (a replay finds it used),
 * then detection runs again on the uploaded frames — actions in order, one and
 * the same face, that face matching the ID card portrait. A pass completes the
 * `identity_verified` step. Frames are kept encrypted with the scores.
 */
export async function submitLiveness(o: SubmitLivenessOptions) {
  const now = o.now ?? new Date();
  const v = await loadVerification({ actorId: o.actorId, membershipId: o.membershipId });
  const db = await getDb();
  const [challenge] = await db
    .update(livenessChallenges)
    .set({ usedAt: now })
    .where(
      and(
        eq(livenessChallenges.id, o.challengeId),
        eq(livenessChallenges.userId, o.actorId),
        eq(livenessChallenges.verificationId, v.id),
        eq(livenessChallenges.nonceHash, hashNonce(o.nonce)),
        isNull(livenessChallenges.usedAt),
        gt(livenessChallenges.expiresAt, now),
      ),
    )
    .returning();
  if (!challenge) throw new AppError("LIVENESS_CHALLENGE_INVALID", "unknown, used or expired challenge");

  const idCardImage = await openEvidence(v.cardFront);
  const result = await getIdentityVerifier().verifyLiveness({
    challenge: { actions: challenge.actions as LivenessAction[], nonce: o.nonce, issuedAt: challenge.issuedAt.getTime() },
    frontal: o.frontal,
    actionFrames: o.actionFrames,
    idCardImage,
    receivedAt: now.getTime(),
    mirrored: o.mirrored,
  });
  const frames = await Promise.all(
    [o.frontal, ...o.actionFrames].map((f, i) => sealEvidence({ blobKey: `evidence/${v.id}/live-${challenge.id}-${i}.bin`, bytes: f.jpeg })),
  );
  await db.transaction(async (tx) => {
    await tx.update(livenessChallenges).set({ passed: result.passed, result: { reasons: result.reasons, scores: result.scores }, frames }).where(eq(livenessChallenges.id, challenge.id));
    if (result.passed) {
      await tx.update(identityVerifications).set({ status: "passed", updatedAt: now }).where(eq(identityVerifications.id, v.id));
      await advanceMembership({ db: tx, membershipId: o.membershipId, step: "identity_verified", actorId: o.actorId, ip: o.ip, data: { verificationId: v.id, idFaceDistance: result.scores.idFaceDistance } });
    }
    await appendAuditEntry({
      db: tx,
      actorId: o.actorId,
      action: result.passed ? "identity.liveness_passed" : "identity.liveness_failed",
      subjectType: "identity_verification",
      subjectId: v.id,
      ip: o.ip,
      data: { challengeId: challenge.id, reasons: result.reasons, idFaceDistance: result.scores.idFaceDistance, sessionFaceDistance: result.scores.sessionFaceDistance },
    });
  });
  return result;
}
