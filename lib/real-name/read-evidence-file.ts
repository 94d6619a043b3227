import "server-only";
import { and, eq, gt } from "drizzle-orm";
import { assertAdmin } from "@/lib/admin/assert-admin";
import { appendAuditEntry } from "@/lib/audit";
import { getDb } from "@/lib/db";
import { evidenceAccessGrants, identityVerifications, livenessChallenges, type SealedFile } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { openEvidence } from "@/lib/evidence/seal-evidence";

/** "card-front", "card-back" or "frame-<challenge uuid>-<index>". */
export const EVIDENCE_FILE_PATTERN = /^(card-front|card-back|frame-([0-9a-f-]{36})-(\d{1,2}))$/;

/**
 * Decrypts one evidence file for the admin holding a live grant on its
 * verification, and audits the read (which file, its hash, under which grant).
 * Only JPEG and PNG are ever returned as images.
 */
export async function readEvidenceFile({ actorId, grantId, file, ip, now = new Date() }: { actorId: string; grantId: string; file: string; ip?: string | null; now?: Date }) {
  await assertAdmin(actorId);
  const m = EVIDENCE_FILE_PATTERN.exec(file);
  if (!m) throw new AppError("NOT_FOUND", "unknown evidence file");
  const db = await getDb();
  const [grant] = await db
    .select({ verificationId: evidenceAccessGrants.verificationId })
    .from(evidenceAccessGrants)
    .where(and(eq(evidenceAccessGrants.id, grantId), eq(evidenceAccessGrants.adminId, actorId), gt(evidenceAccessGrants.expiresAt, now)));
  if (!grant) throw new AppError("FORBIDDEN", "no live grant");
  const sealed = await findSealedFile(grant.verificationId, m);
  if (!sealed?.blobKey) throw new AppError("NOT_FOUND", "deleted or absent");
  const bytes = await openEvidence({ blobKey: sealed.blobKey, wrappedKey: sealed.wrappedKey });
  await appendAuditEntry({ db, actorId, action: "identity.evidence_viewed", subjectType: "identity_verification", subjectId: grant.verificationId, ip, data: { grantId, file, sha256: sealed.sha256 } });
  return { bytes, contentType: sniffImageType(bytes) };
}

async function findSealedFile(verificationId: string, m: RegExpExecArray): Promise<SealedFile | null | undefined> {
  const db = await getDb();
  if (!m[2]) {
    const [v] = await db.select({ front: identityVerifications.cardFront, back: identityVerifications.cardBack }).from(identityVerifications).where(eq(identityVerifications.id, verificationId));
    return m[1] === "card-front" ? v?.front : v?.back;
  }
  const [c] = await db
    .select({ frames: livenessChallenges.frames })
    .from(livenessChallenges)
    .where(and(eq(livenessChallenges.id, m[2]), eq(livenessChallenges.verificationId, verificationId)));
  return c?.frames?.[Number(m[3])];
}

function sniffImageType(b: Buffer): string {
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return "image/jpeg";
  if (b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return "image/png";
  return "application/octet-stream";
}
