import "server-only";
import { and, isNotNull, isNull, lt } from "drizzle-orm";
import { eq } from "drizzle-orm";
import { appendAuditEntry } from "@/lib/audit";
import { getDb } from "@/lib/db";
import { getSetting } from "@/lib/settings/get-setting";
import { livenessChallenges } from "@/lib/db/schema";
import { getBlobStorage } from "@/lib/storage";

/**
 * Deletes raw liveness frames older than the retention period (admin setting
 * evidenceRetentionDays, default EVIDENCE_RETENTION_DAYS or 30), keeping each
 * frame's SHA-256, the scores and the verdict. Idempotent; safe to run from
 * several instances (each row is claimed with a conditional update).
 */
export async function purgeExpiredEvidence({ now = new Date(), limit = 200 }: { now?: Date; limit?: number } = {}): Promise<number> {
  const db = await getDb();
  const cutoff = new Date(now.getTime() - (await getSetting("evidenceRetentionDays")) * 86400_000);
  const due = await db
    .select({ id: livenessChallenges.id })
    .from(livenessChallenges)
    .where(and(lt(livenessChallenges.issuedAt, cutoff), isNotNull(livenessChallenges.frames), isNull(livenessChallenges.framesDeletedAt)))
    .limit(limit);
  let purged = 0;
  for (const { id } of due) {
    const [claimed] = await db
      .update(livenessChallenges)
      .set({ framesDeletedAt: now })
      .where(and(eq(livenessChallenges.id, id), isNull(livenessChallenges.framesDeletedAt)))
      .returning({ frames: livenessChallenges.frames });
    if (!claimed?.frames) continue;
    for (const f of claimed.frames) await getBlobStorage().delete(f.blobKey);
    await db
      .update(livenessChallenges)
      .set({ frames: claimed.frames.map((f) => ({ blobKey: "", wrappedKey: "", sha256: f.sha256, size: f.size })) })
      .where(eq(livenessChallenges.id, id));
    await appendAuditEntry({ db, action: "identity.frames_purged", subjectType: "liveness_challenge", subjectId: id, data: { frames: claimed.frames.length } });
    purged++;
  }
  return purged;
}
