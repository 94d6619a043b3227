import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { closeDb, getDb } from "@/lib/db";
import { identityVerifications, livenessChallenges, memberships, users } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { decodeImage, encodeJpeg, type RgbImage } from "@/lib/identity/face/decode-image";
import { detectFaces, type DetectedFace } from "@/lib/identity/face/detect-faces";
import { loadFaceModels } from "@/lib/identity/face/load-face-models";
import { cropImage, resizeImage } from "@/lib/identity/face/transform-image";
import type { LivenessAction } from "@/lib/identity";
import { drawIdCardFront, type IdCardFields } from "@/lib/identity/ocr/draw-id-card";
import { drawIdCardBack } from "@/lib/identity/ocr/draw-id-card-back";
import { composeCardScene } from "@/lib/identity/ocr/compose-card-scene";
import { stopIdCardOcr } from "@/lib/identity/ocr/read-id-card-text";
import { renderChallengeFrames } from "@/lib/identity/render-challenge-frames";
import { getProject } from "@/lib/projects/get-project";
import { randomPhone } from "@/tests/helpers/phones";
import { ASTRONAUT_PATH } from "@/tests/helpers/shared-dir";
import { getPki } from "@/lib/certificates/get-pki";
import { createPgPkiStore } from "@/lib/certificates/pg-pki-store";
import { openEvidence } from "@/lib/evidence/seal-evidence";
import { unwrapSecret, wrapSecret } from "@/lib/pki";
import { issuePersonalCertificate } from "@/lib/certificates/issue-personal-certificate";
import { confirmIdCard } from "./confirm-id-card";
import { issueLivenessChallenge, MAX_ATTEMPTS_PER_DAY } from "./issue-liveness-challenge";
import { submitIdCard } from "./submit-id-card";
import { purgeExpiredEvidence } from "./purge-expired-evidence";
import { submitLiveness } from "./submit-liveness";

afterAll(async () => {
  await stopIdCardOcr();
  await closeDb();
});

const CARD: IdCardFields = { name: "张三丰", sex: "女", ethnicity: "汉", birth: [1985, 12, 31], address: "广东省深圳市南山区科技园路1号", idNumber: "440305198512310026" };
const codeOf = (p: Promise<unknown>) => p.then(() => "ok", (e: unknown) => (e instanceof AppError ? e.code : String(e)));

let cardJpeg: Uint8Array;
const back = (validity: string) => encodeJpeg(drawIdCardBack({ issuer: "深圳市公安局南山分局", validity }), 90);
let backJpeg: Uint8Array;
let face: RgbImage;
let faceBox: DetectedFace;

beforeAll(async () => {
  await loadFaceModels();
  const astronaut = decodeImage(readFileSync(ASTRONAUT_PATH));
  const [a] = await detectFaces(astronaut, { withDescriptors: false });
  const s = a!.box.height * 2.6;
  face = resizeImage(cropImage(astronaut, a!.box.x + a!.box.width / 2 - s / 2, a!.box.y + a!.box.height / 2 - s / 2, s, s), 400, 400);
  const portrait = resizeImage(cropImage(astronaut, a!.box.x - a!.box.width * 0.4, a!.box.y - a!.box.height * 0.5, a!.box.width * 1.8, a!.box.height * 2.2), 180, 220);
  cardJpeg = encodeJpeg(drawIdCardFront(CARD, portrait), 90);
  backJpeg = back("2016.01.01-2036.01.01");
  [faceBox] = await detectFaces(face, { withDescriptors: false });
}, 120_000);

async function member(realName: string) {
  const db = await getDb();
  const [user] = await db.insert(users).values({ phone: randomPhone(), realName }).returning();
  const project = await getProject({ slug: "sysu" });
  const role = project.roles.find((r) => r.key === "expert")!;
  const [m] = await db.insert(memberships).values({ userId: user!.id, projectId: project.id, roleId: role.id, agreementAcceptedAt: new Date() }).returning();
  return { userId: user!.id, membershipId: m!.id };
}

describe("real-name verification flow", () => {
  it("card read and confirmed, liveness passed → identity_verified; evidence stored encrypted", async () => {
    const { userId, membershipId } = await member("张三丰");
    const read = await submitIdCard({ actorId: userId, membershipId, front: cardJpeg, back: backJpeg });
    expect(read).toMatchObject({ name: "张三丰", idNumberMasked: "440***********0026", birthDate: "1985-12-31", validity: "2016.01.01-2036.01.01", validUntil: "2036-01-01" });
    expect(await codeOf(issueLivenessChallenge({ actorId: userId, membershipId }))).toBe("STEP_NOT_REACHED");
    // The confirmed validity is checked again: a typed expired one is refused and nothing changes.
    expect(await codeOf(confirmIdCard({ actorId: userId, membershipId, validity: "2006.01.01-2016.01.01" }))).toBe("ID_CARD_EXPIRED");
    expect(await codeOf(confirmIdCard({ actorId: userId, membershipId, validity: "sometime" }))).toBe("ID_CARD_VALIDITY_FORMAT");
    expect(await codeOf(issueLivenessChallenge({ actorId: userId, membershipId }))).toBe("STEP_NOT_REACHED");
    await confirmIdCard({ actorId: userId, membershipId, validity: "2016.01.01-2036.01.01" });

    const ch = await issueLivenessChallenge({ actorId: userId, membershipId });
    expect(ch.actions.length).toBeGreaterThanOrEqual(2);
    const frames = renderChallengeFrames(face, faceBox.landmarks, ch.actions as LivenessAction[]);
    // The upload arrives after the frames were taken (offsets are relative to the challenge).
    const later = new Date(Date.now() + 20_000);
    const result = await submitLiveness({ actorId: userId, membershipId, challengeId: ch.challengeId, nonce: ch.nonce, ...frames, now: later });
    expect(result.reasons).toEqual([]);
    expect(result.passed).toBe(true);
    const db = await getDb();
    const [m] = await db.select().from(memberships).where(eq(memberships.id, membershipId));
    expect(m!.status).toBe("identity_verified");
    // From now on the ID number feeds the PIN rules: the birthday is refused as a PIN.
    expect(await codeOf(issuePersonalCertificate({ actorId: userId, membershipId, pin: "19851231" }))).toBe("PIN_TOO_WEAK");
    await issuePersonalCertificate({ actorId: userId, membershipId, pin: "q8w2e7r" });

    // Replaying the same nonce gets nothing.
    expect(await codeOf(submitLiveness({ actorId: userId, membershipId, challengeId: ch.challengeId, nonce: ch.nonce, ...frames, now: later }))).toBe("LIVENESS_CHALLENGE_INVALID");
    // Stored evidence is ciphertext: the JPEG's header is nowhere in the blob row or the files' hashes only.
    const [v] = await db.select().from(identityVerifications).where(eq(identityVerifications.membershipId, membershipId));
    expect(v!.idNumberWrapped).not.toContain("440305198512310026");
    const { getBlobStorage } = await import("@/lib/storage");
    const blob = Buffer.from(await getBlobStorage().get(v!.cardFront.blobKey));
    expect(blob.subarray(12, 15).equals(Buffer.from([0xff, 0xd8, 0xff]))).toBe(false);
    expect(blob.includes(Buffer.from(cardJpeg.subarray(0, 64)))).toBe(false);

    // Master-key rotation reaches the evidence keys too: each can be re-wrapped and still opens.
    const store = createPgPkiStore(db);
    const refs = (await store.listWrappedSecrets(null, 100_000)).filter((r) => r.ref.includes(v!.id));
    expect(refs.map((r) => r.ref.split(":")[2])).toEqual(expect.arrayContaining(["number", "front"]));
    const { masterKeys } = await getPki();
    const front = refs.find((r) => r.ref.endsWith(":front"))!;
    const rewrapped = wrapSecret(masterKeys, "evidence-key", unwrapSecret(masterKeys, "evidence-key", front.secret));
    expect(await store.replaceWrappedSecret(front.ref, front.secret, rewrapped)).toBe(true);
    expect(await store.replaceWrappedSecret(front.ref, front.secret, rewrapped)).toBe(false);
    const [after] = await db.select().from(identityVerifications).where(eq(identityVerifications.id, v!.id));
    expect((await openEvidence(after!.cardFront)).equals(Buffer.from(cardJpeg))).toBe(true);
  }, 180_000);

  it("reads whole phone photos of both sides (card on a table, turned), not only cropped cards", async () => {
    const { userId, membershipId } = await member("张三丰");
    const scene = (card: RgbImage, degrees: number) => encodeJpeg(composeCardScene(card, { width: 1600, height: 1200, background: "textured", cardWidthFraction: 0.65, degrees, seed: 3 }), 85);
    const read = await submitIdCard({ actorId: userId, membershipId, front: scene(decodeImage(cardJpeg), 8), back: scene(decodeImage(backJpeg), -6) });
    expect(read).toMatchObject({ name: "张三丰", idNumberMasked: "440***********0026", validity: "2016.01.01-2036.01.01" });
  }, 120_000);

  it("a registered name that differs from the card is 实名信息不一致, naming both", async () => {
    const { userId, membershipId } = await member("张三");
    const e = await submitIdCard({ actorId: userId, membershipId, front: cardJpeg, back: backJpeg }).catch((x: unknown) => x as AppError);
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe("REAL_NAME_INCONSISTENT");
    expect((e as AppError).params).toEqual({ read: "张三丰", registered: "张三" });
  }, 60_000);

  it("refuses expired cards, non-images and a still photo; at most five attempts a day", async () => {
    const { userId, membershipId } = await member("张三丰");
    // An expired card read from the back is refused at once.
    expect(await codeOf(submitIdCard({ actorId: userId, membershipId, front: cardJpeg, back: back("2005.01.01-2015.01.01") }))).toBe("ID_CARD_EXPIRED");
    expect(await codeOf(submitIdCard({ actorId: userId, membershipId, front: new TextEncoder().encode("not an image"), back: backJpeg }))).toBe("ID_IMAGE_INVALID");
    expect(await codeOf(submitIdCard({ actorId: userId, membershipId, front: cardJpeg, back: new TextEncoder().encode("not an image") }))).toBe("ID_IMAGE_INVALID");
    // A back with nothing legible: the user types the validity on the confirmation page.
    const blank = encodeJpeg(resizeImage(cropImage(decodeImage(backJpeg), 0, 0, 400, 200), 856, 540), 90);
    const read = await submitIdCard({ actorId: userId, membershipId, front: cardJpeg, back: blank });
    expect(read.validity).toBeNull();
    await confirmIdCard({ actorId: userId, membershipId, validity: "2016.01.01-长期" });
    const db0 = await getDb();
    const [confirmed] = await db0.select().from(identityVerifications).where(eq(identityVerifications.membershipId, membershipId));
    expect(confirmed).toMatchObject({ status: "card_confirmed", cardValidity: "2016.01.01-长期", cardValidUntil: "长期" });
    const ch = await issueLivenessChallenge({ actorId: userId, membershipId });
    // A still photo: the frontal frame repeated for every action.
    const still = renderChallengeFrames(face, faceBox.landmarks, []);
    const frames = Array.from({ length: ch.actions.length * 5 }, (_, i) => ({ jpeg: still.frontal.jpeg, offsetMs: 1000 + i * 150 }));
    const r = await submitLiveness({ actorId: userId, membershipId, challengeId: ch.challengeId, nonce: ch.nonce, frontal: still.frontal, actionFrames: frames, now: new Date(Date.now() + 20_000) });
    expect(r.passed).toBe(false);
    expect(r.reasons).toContain("LIVENESS_ACTION_NOT_DETECTED");
    const db = await getDb();
    const [m] = await db.select().from(memberships).where(eq(memberships.id, membershipId));
    expect(m!.status).toBe("registered");
    for (let i = 1; i < MAX_ATTEMPTS_PER_DAY; i++) await issueLivenessChallenge({ actorId: userId, membershipId });
    expect(await codeOf(issueLivenessChallenge({ actorId: userId, membershipId }))).toBe("LIVENESS_DAILY_LIMIT");
    const rows = await db.select().from(livenessChallenges).where(eq(livenessChallenges.userId, userId));
    expect(rows).toHaveLength(MAX_ATTEMPTS_PER_DAY);

    // 31 days later the raw frames are gone; hashes, scores and the verdict stay.
    const tried = rows.find((row) => row.frames?.length)!;
    const { getBlobStorage } = await import("@/lib/storage");
    expect(await getBlobStorage().head(tried.frames![0]!.blobKey)).not.toBeNull();
    expect(await purgeExpiredEvidence({ now: new Date(Date.now() + 31 * 86400_000) })).toBeGreaterThanOrEqual(1);
    const [after] = await db.select().from(livenessChallenges).where(eq(livenessChallenges.id, tried.id));
    expect(after!.framesDeletedAt).not.toBeNull();
    expect(after!.frames![0]!.sha256).toBe(tried.frames![0]!.sha256);
    expect(after!.passed).toBe(false);
    expect(await getBlobStorage().head(tried.frames![0]!.blobKey)).toBeNull();
  }, 180_000);
});
