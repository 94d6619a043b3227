import "server-only";
import { asc, eq } from "drizzle-orm";
import { assertAdmin } from "@/lib/admin/assert-admin";
import { getDb } from "@/lib/db";
import { identityVerifications, livenessChallenges, memberships, projects, users } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";

/**
 * What an admin may see without stating a reason: the verdicts, scores and
 * hashes of one verification. The images need an evidence grant.
 */
export async function getVerificationDetail({ actorId, verificationId }: { actorId: string; verificationId: string }) {
  await assertAdmin(actorId);
  const db = await getDb();
  const [v] = await db
    .select({
      id: identityVerifications.id,
      status: identityVerifications.status,
      nameOnCard: identityVerifications.nameOnCard,
      idNumberMasked: identityVerifications.idNumberMasked,
      birthDate: identityVerifications.birthDate,
      cardValidUntil: identityVerifications.cardValidUntil,
      cardFront: identityVerifications.cardFront,
      cardBack: identityVerifications.cardBack,
      createdAt: identityVerifications.createdAt,
      phone: users.phone,
      realName: users.realName,
      project: projects.name,
    })
    .from(identityVerifications)
    .innerJoin(users, eq(users.id, identityVerifications.userId))
    .innerJoin(memberships, eq(memberships.id, identityVerifications.membershipId))
    .innerJoin(projects, eq(projects.id, memberships.projectId))
    .where(eq(identityVerifications.id, verificationId));
  if (!v) throw new AppError("NOT_FOUND", "verification");
  const attempts = await db
    .select({
      id: livenessChallenges.id,
      actions: livenessChallenges.actions,
      issuedAt: livenessChallenges.issuedAt,
      usedAt: livenessChallenges.usedAt,
      passed: livenessChallenges.passed,
      result: livenessChallenges.result,
      frames: livenessChallenges.frames,
      framesDeletedAt: livenessChallenges.framesDeletedAt,
    })
    .from(livenessChallenges)
    .where(eq(livenessChallenges.verificationId, verificationId))
    .orderBy(asc(livenessChallenges.issuedAt));
  const { cardFront, cardBack, ...rest } = v;
  return {
    ...rest,
    cardFront: { sha256: cardFront.sha256, size: cardFront.size },
    cardBack: cardBack ? { sha256: cardBack.sha256, size: cardBack.size } : null,
    attempts: attempts.map(({ frames, ...a }) => ({
      ...a,
      result: a.result as { reasons?: string[]; scores?: { idFaceDistance?: number | null; sessionFaceDistance?: number | null; actions?: { action: string; passed: boolean; score: number }[] } } | null,
      frames: (frames ?? []).map((f) => ({ sha256: f.sha256, size: f.size, available: Boolean(f.blobKey) })),
    })),
  };
}
