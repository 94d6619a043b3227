import { afterAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { closeDb, getDb } from "@/lib/db";
import { auditLog, identityVerifications, livenessChallenges, memberships, users } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { sealEvidence } from "@/lib/evidence/seal-evidence";
import { getProject } from "@/lib/projects/get-project";
import { getSetting } from "@/lib/settings/get-setting";
import { updateSetting } from "@/lib/settings/update-setting";
import { randomPhone } from "@/tests/helpers/phones";
import { getVerificationDetail } from "./get-verification-detail";
import { EvidenceAccessSchema, EVIDENCE_GRANT_TTL_MS, grantEvidenceAccess } from "./grant-evidence-access";
import { listVerifications } from "./list-verifications";
import { purgeExpiredEvidence } from "./purge-expired-evidence";
import { readEvidenceFile } from "./read-evidence-file";

afterAll(() => closeDb());

const codeOf = (p: Promise<unknown>) => p.then(() => "ok", (e: unknown) => (e instanceof AppError ? e.code : String(e)));
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]);
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 9, 9]);

async function user(isAdmin = false, realName = "王五") {
  const db = await getDb();
  const [u] = await db.insert(users).values({ phone: randomPhone(), realName, isAdmin }).returning({ id: users.id });
  return u!.id;
}

/** A verification with a PNG front, a JPEG back and one attempt of two frames issued `daysAgo` days ago. */
async function verification({ daysAgo = 0 } = {}) {
  const db = await getDb();
  const userId = await user(false, "赵六");
  const project = await getProject({ slug: "sysu" });
  const [m] = await db.insert(memberships).values({ userId, projectId: project.id, roleId: project.roles[0]!.id, agreementAcceptedAt: new Date() }).returning();
  const id = crypto.randomUUID();
  const [v] = await db
    .insert(identityVerifications)
    .values({
      id,
      membershipId: m!.id,
      userId,
      status: "card_confirmed",
      nameOnCard: "赵六",
      idNumberMasked: "440***********0026",
      idNumberWrapped: "x",
      cardFront: await sealEvidence({ blobKey: `evidence/${id}/card-front.bin`, bytes: PNG }),
      cardBack: await sealEvidence({ blobKey: `evidence/${id}/card-back.bin`, bytes: JPEG }),
    })
    .returning();
  const issuedAt = new Date(Date.now() - daysAgo * 86400_000);
  const chId = crypto.randomUUID();
  const frames = await Promise.all([0, 1].map((i) => sealEvidence({ blobKey: `evidence/${id}/live-${chId}-${i}.bin`, bytes: JPEG })));
  await db.insert(livenessChallenges).values({ id: chId, verificationId: id, userId, nonceHash: "h", actions: ["nod", "blink"], issuedAt, expiresAt: issuedAt, usedAt: issuedAt, passed: false, result: { reasons: ["LIVENESS_ACTION_MISSING"], scores: { idFaceDistance: 0.3 } }, frames });
  return { verificationId: v!.id, challengeId: chId, userId };
}

describe("admin access to real-name evidence", () => {
  it("refuses every admin read to a user who is not (or no longer) an admin", async () => {
    const { verificationId, userId } = await verification();
    for (const actorId of [userId, await user()]) {
      expect(await codeOf(listVerifications({ actorId }))).toBe("FORBIDDEN");
      expect(await codeOf(getVerificationDetail({ actorId, verificationId }))).toBe("FORBIDDEN");
      expect(await codeOf(grantEvidenceAccess({ actorId, verificationId, reason: "just looking" }))).toBe("FORBIDDEN");
    }
    const admin = await user(true);
    const { grantId } = await grantEvidenceAccess({ actorId: admin, verificationId, reason: "工单 #12 申诉" });
    const db = await getDb();
    await db.update(users).set({ isAdmin: false }).where(eq(users.id, admin));
    expect(await codeOf(readEvidenceFile({ actorId: admin, grantId, file: "card-front" }))).toBe("FORBIDDEN");
  });

  it("lists and details without images; finds by name on card", async () => {
    const { verificationId } = await verification();
    const admin = await user(true);
    const rows = await listVerifications({ actorId: admin, query: "赵六" });
    expect(rows.some((r) => r.id === verificationId && r.attempts === 1 && r.idNumberMasked === "440***********0026")).toBe(true);
    expect(await listVerifications({ actorId: admin, query: "%" })).toEqual([]);
    const d = await getVerificationDetail({ actorId: admin, verificationId });
    expect(d.attempts[0]).toMatchObject({ actions: ["nod", "blink"], passed: false });
    expect(JSON.stringify(d)).not.toMatch(/blobKey|wrappedKey|idNumberWrapped/);
  });

  it("needs a reason, serves images only under the admin's own live grant, and audits grant and every read", async () => {
    const { verificationId, challengeId } = await verification();
    const admin = await user(true);
    const other = await user(true);
    expect(EvidenceAccessSchema.safeParse({ verificationId, reason: "  ab " }).success).toBe(false);
    const now = new Date();
    const { grantId } = await grantEvidenceAccess({ actorId: admin, verificationId, reason: "用户申诉，工单 #1234", now });

    const front = await readEvidenceFile({ actorId: admin, grantId, file: "card-front", now });
    expect(front.contentType).toBe("image/png");
    expect(new Uint8Array(front.bytes)).toEqual(PNG);
    expect((await readEvidenceFile({ actorId: admin, grantId, file: `frame-${challengeId}-1`, now })).contentType).toBe("image/jpeg");

    expect(await codeOf(readEvidenceFile({ actorId: other, grantId, file: "card-front", now }))).toBe("FORBIDDEN");
    expect(await codeOf(readEvidenceFile({ actorId: admin, grantId, file: "card-front", now: new Date(now.getTime() + EVIDENCE_GRANT_TTL_MS + 1) }))).toBe("FORBIDDEN");
    expect(await codeOf(readEvidenceFile({ actorId: admin, grantId, file: "../../etc/passwd", now }))).toBe("NOT_FOUND");
    expect(await codeOf(readEvidenceFile({ actorId: admin, grantId, file: `frame-${challengeId}-7`, now }))).toBe("NOT_FOUND");
    // A frame of someone else's verification cannot be reached through this grant.
    const foreign = await verification();
    expect(await codeOf(readEvidenceFile({ actorId: admin, grantId, file: `frame-${foreign.challengeId}-0`, now }))).toBe("NOT_FOUND");

    const db = await getDb();
    const entries = await db.select().from(auditLog).where(and(eq(auditLog.subjectId, verificationId), eq(auditLog.actorId, admin)));
    expect(entries.map((e) => e.action)).toEqual(["identity.evidence_access_granted", "identity.evidence_viewed", "identity.evidence_viewed"]);
    expect(entries[0]!.data).toMatchObject({ grantId, reason: "用户申诉，工单 #1234" });
    expect(entries[1]!.data).toMatchObject({ grantId, file: "card-front" });
  });
});

describe("evidence retention from settings", () => {
  it("rejects a bad value without changing anything, audits a good one", async () => {
    const admin = await user(true);
    const before = await getSetting("evidenceRetentionDays");
    for (const bad of ["0", "abc", "4000", "2.5"]) expect(await codeOf(updateSetting({ key: "evidenceRetentionDays", value: bad, actorId: admin }))).toBe("INVALID_INPUT");
    expect(await getSetting("evidenceRetentionDays")).toBe(before);
    await updateSetting({ key: "evidenceRetentionDays", value: "7", actorId: admin });
    expect(await getSetting("evidenceRetentionDays")).toBe(7);
    const db = await getDb();
    const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.action, "settings.updated"), eq(auditLog.actorId, admin)));
    expect(entry!.data).toEqual({ from: null, to: 7 });
  });

  it("purges raw frames older than the configured days and then serves them as gone", async () => {
    const admin = await user(true);
    await updateSetting({ key: "evidenceRetentionDays", value: "30", actorId: admin });
    const old = await verification({ daysAgo: 10 });
    await purgeExpiredEvidence();
    const db = await getDb();
    const [kept] = await db.select().from(livenessChallenges).where(eq(livenessChallenges.id, old.challengeId));
    expect(kept!.framesDeletedAt).toBeNull();

    await updateSetting({ key: "evidenceRetentionDays", value: "7", actorId: admin });
    expect(await purgeExpiredEvidence()).toBeGreaterThanOrEqual(1);
    const [gone] = await db.select().from(livenessChallenges).where(eq(livenessChallenges.id, old.challengeId));
    expect(gone!.framesDeletedAt).not.toBeNull();
    expect(gone!.frames!.every((f) => f.blobKey === "" && f.sha256.length === 64)).toBe(true);

    const detail = await getVerificationDetail({ actorId: admin, verificationId: old.verificationId });
    expect(detail.attempts[0]!.frames.map((f) => f.available)).toEqual([false, false]);
    const { grantId } = await grantEvidenceAccess({ actorId: admin, verificationId: old.verificationId, reason: "检查删除结果" });
    expect(await codeOf(readEvidenceFile({ actorId: admin, grantId, file: `frame-${old.challengeId}-0` }))).toBe("NOT_FOUND");
    expect((await readEvidenceFile({ actorId: admin, grantId, file: "card-back" })).contentType).toBe("image/jpeg");
    await updateSetting({ key: "evidenceRetentionDays", value: "30", actorId: admin });
  });
});
