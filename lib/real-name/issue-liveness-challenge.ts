import "server-only";
import { createHash, randomBytes, randomInt } from "node:crypto";
import { and, count, eq, gt, sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { livenessChallenges } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import type { LivenessAction } from "@/lib/identity";
import { loadVerification } from "./load-verification";

export const CHALLENGE_TTL_MS = 2 * 60_000;
export const MAX_ATTEMPTS_PER_DAY = 5;
// Blink is judged from eye openness measured on the pixels (face-api's eye
// points barely move when the eyes close; see lib/identity/README.md).
const ACTIONS: LivenessAction[] = ["blink", "turnLeft", "turnRight", "openMouth", "nod"];

export const hashNonce = (nonce: string) => createHash("sha256").update(nonce).digest("hex");

/** Two or three random actions bound to a single-use nonce; at most five a day. */
export async function issueLivenessChallenge({ actorId, membershipId, now = new Date() }: { actorId: string; membershipId: string; now?: Date }) {
  const v = await loadVerification({ actorId, membershipId });
  if (v.status !== "card_confirmed") throw new AppError("STEP_NOT_REACHED", "confirm the card first", { params: { step: "identity_verified" } });
  const db = await getDb();
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${"liveness:" + actorId}))`);
    const [{ n }] = (await tx
      .select({ n: count() })
      .from(livenessChallenges)
      .where(and(eq(livenessChallenges.userId, actorId), gt(livenessChallenges.issuedAt, new Date(now.getTime() - 24 * 3600_000))))) as [{ n: number }];
    if (n >= MAX_ATTEMPTS_PER_DAY) throw new AppError("LIVENESS_DAILY_LIMIT");
    const pool = [...ACTIONS];
    const actions: LivenessAction[] = [];
    for (let k = 2 + randomInt(0, 2); k > 0; k--) actions.push(pool.splice(randomInt(0, pool.length), 1)[0]!);
    const nonce = randomBytes(24).toString("base64url");
    const [row] = await tx
      .insert(livenessChallenges)
      .values({ verificationId: v.id, userId: actorId, nonceHash: hashNonce(nonce), actions, issuedAt: now, expiresAt: new Date(now.getTime() + CHALLENGE_TTL_MS) })
      .returning({ id: livenessChallenges.id });
    return { challengeId: row!.id, nonce, actions, expiresAt: new Date(now.getTime() + CHALLENGE_TTL_MS).toISOString() };
  });
}
