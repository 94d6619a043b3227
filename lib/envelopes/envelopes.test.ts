import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getPki } from "@/lib/certificates/get-pki";
import { closeDb, getDb } from "@/lib/db";
import { envelopes, signingKeys, smsOutbox } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { verifyPdf } from "@/lib/pdf";
import { getCaCertificates } from "@/lib/pki";
import { readySigner, samplePdf } from "@/tests/helpers/signers";
import { addEnvelopeSigner } from "./add-envelope-signer";
import { createEnvelope } from "./create-envelope";
import { listEnvelopes } from "./list-envelopes";
import { loadEnvelope } from "./load-envelope";
import { notifyNextSigners } from "./notify-next-signers";
import { openIncomingPdf } from "./open-incoming-pdf";
import { readEnvelopeFile } from "./read-envelope-file";
import { removeEnvelopeSigner } from "./remove-envelope-signer";
import { signEnvelope } from "./sign-envelope";

afterAll(closeDb);

const codeOf = (p: Promise<unknown>) => p.then(() => "ok", (e: unknown) => (e instanceof AppError ? e.code : String(e)));
const VALIDATE = join(process.cwd(), "..", "shared", "tools", "pdfcheck", "validate-pdf");

type Signer = Awaited<ReturnType<typeof readySigner>>;
let team: Signer[] = [];
let stranger: Signer;

beforeAll(async () => {
  team = [];
  for (let i = 0; i < 10; i++) team.push(await readySigner(`签署人${"一二三四五六七八九十"[i]}`));
  stranger = await readySigner("路人甲");
}, 120_000);

describe("envelopes", () => {
  it("refuses non-PDFs and broken PDFs before storing anything", async () => {
    const a = team[0]!;
    expect(await codeOf(createEnvelope({ actorId: a.user.id, title: "x.pdf", bytes: new TextEncoder().encode("hello, not a pdf") }))).toBe("NOT_A_PDF");
    const pdf = await samplePdf();
    expect(await codeOf(createEnvelope({ actorId: a.user.id, title: "x.pdf", bytes: pdf.subarray(0, 200) }))).toMatch(/^PDF_/);
  });

  it("ten signers signing at the same moment end with one file and ten valid signatures", async () => {
    const [a, ...others] = team as [Signer, ...Signer[]];
    const env = await createEnvelope({ actorId: a.user.id, title: "采购合同.pdf", bytes: await samplePdf() });
    expect(env.title).toBe("采购合同");
    for (const s of others) await addEnvelopeSigner({ actorId: a.user.id, envelopeId: env.id, realName: s.user.realName!, phone: s.user.phone });
    expect(await codeOf(addEnvelopeSigner({ actorId: a.user.id, envelopeId: env.id, realName: "别人", phone: stranger.user.phone }))).toBe("SIGNER_NOT_FOUND");
    expect(await codeOf(addEnvelopeSigner({ actorId: a.user.id, envelopeId: env.id, realName: others[0]!.user.realName!, phone: others[0]!.user.phone }))).toBe("SIGNER_ALREADY_ADDED");
    expect(await codeOf(addEnvelopeSigner({ actorId: others[0]!.user.id, envelopeId: env.id, realName: stranger.user.realName!, phone: stranger.user.phone }))).toBe("FORBIDDEN");

    const results = await Promise.allSettled(
      team.map((s, i) => signEnvelope({ actorId: s.user.id, envelopeId: env.id, pin: s.pin, placements: [{ page: 1 + (i % 2), x: 40 + (i % 5) * 100, y: 200 + Math.floor(i / 5) * 120, width: 90, height: 60 }] })),
    );
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    const { bytes, envelope, revision } = await readEnvelopeFile({ actorId: a.user.id, envelopeId: env.id });
    expect(envelope.status).toBe("completed");
    expect(revision.number).toBe(10);
    const { ca } = await getPki();
    const report = await verifyPdf(bytes, { trustedRoots: [getCaCertificates(ca).root.der] });
    expect(report.signatures).toHaveLength(10);
    for (const sig of report.signatures) {
      expect(sig.valid, sig.problems.join("; ")).toBe(true);
      expect(sig.chain.status).toBe("trusted");
      expect(sig.timestamp?.valid).toBe(true);
    }
    expect(report.signatures.filter((s) => s.coversWholeFile)).toHaveLength(1);
    expect(new Set(report.signatures.map((s) => s.signer?.subject)).size).toBe(10);

    // Independent validators agree (poppler, MuPDF, qpdf, PDFBox).
    const dir = mkdtempSync(join(tmpdir(), "env-"));
    writeFileSync(join(dir, "signed.pdf"), bytes);
    writeFileSync(join(dir, "root.pem"), getCaCertificates(ca).root.pem);
    const v = spawnSync(VALIDATE, [join(dir, "signed.pdf"), "--root", join(dir, "root.pem"), "--expect", "10"], { encoding: "utf8" });
    expect(v.status, v.stdout + v.stderr).toBe(0);
  }, 180_000);

  it("only participants see, download or sign an envelope", async () => {
    const [a, b] = team as [Signer, Signer];
    const env = await createEnvelope({ actorId: a.user.id, title: "保密.pdf", bytes: await samplePdf(1) });
    await addEnvelopeSigner({ actorId: a.user.id, envelopeId: env.id, realName: b.user.realName!, phone: b.user.phone });
    expect(await codeOf(loadEnvelope({ actorId: stranger.user.id, envelopeId: env.id }))).toBe("NOT_FOUND");
    expect(await codeOf(readEnvelopeFile({ actorId: stranger.user.id, envelopeId: env.id }))).toBe("NOT_FOUND");
    expect(await codeOf(signEnvelope({ actorId: stranger.user.id, envelopeId: env.id, pin: stranger.pin, placements: [] }))).toBe("NOT_FOUND");
    expect(await codeOf(removeEnvelopeSigner({ actorId: stranger.user.id, envelopeId: env.id, signerId: env.id }))).toBe("NOT_FOUND");
    const lists = await listEnvelopes({ actorId: stranger.user.id });
    expect([...lists.toSign, ...lists.waiting, ...lists.completed].map((e) => e.id)).not.toContain(env.id);
    expect((await listEnvelopes({ actorId: b.user.id })).toSign.map((e) => e.id)).toContain(env.id);
  });

  it("a wrong PIN signs nothing and is counted", async () => {
    const a = team[0]!;
    const env = await createEnvelope({ actorId: a.user.id, title: "pin.pdf", bytes: await samplePdf(1) });
    expect(await codeOf(signEnvelope({ actorId: a.user.id, envelopeId: env.id, pin: "wrong-pin", placements: [] }))).toBe("PIN_WRONG");
    const db = await getDb();
    const [e] = await db.select().from(envelopes).where(eq(envelopes.id, env.id));
    expect(e!.currentRevision).toBe(0);
    const [key] = await db.select().from(signingKeys).where(eq(signingKeys.membershipId, a.membershipId));
    expect(key!.custody.failedAttempts).toBe(1);
    await signEnvelope({ actorId: a.user.id, envelopeId: env.id, pin: a.pin, placements: [] });
    expect(await codeOf(signEnvelope({ actorId: a.user.id, envelopeId: env.id, pin: a.pin, placements: [] }))).toBe("ALREADY_SIGNED");
  });

  it("re-opening a signed file continues the same envelope", async () => {
    const [a, b] = team as [Signer, Signer];
    const env = await createEnvelope({ actorId: a.user.id, title: "续签.pdf", bytes: await samplePdf(1) });
    await addEnvelopeSigner({ actorId: a.user.id, envelopeId: env.id, realName: b.user.realName!, phone: b.user.phone });
    await signEnvelope({ actorId: a.user.id, envelopeId: env.id, pin: a.pin, placements: [{ page: 1, x: 50, y: 600, width: 120, height: 60 }] });
    // B, still to sign, is told by SMS (the outbox transport in tests); A is not.
    expect(await notifyNextSigners({ envelopeId: env.id, actorId: a.user.id })).toBe(1);
    const db = await getDb();
    const sent = await db.select().from(smsOutbox).where(eq(smsOutbox.phone, b.user.phone));
    expect(sent.at(-1)?.text).toContain("《续签》等待您签署");
    const { bytes } = await readEnvelopeFile({ actorId: a.user.id, envelopeId: env.id });
    // B receives the file (say, in WeChat) and opens it in the app.
    const opened = await openIncomingPdf({ actorId: b.user.id, fileName: "续签(1).pdf", bytes });
    expect(opened).toMatchObject({ envelopeId: env.id, continued: true });
    // Someone who is not part of it gets a new envelope of their own, with A's signature kept.
    const foreign = await openIncomingPdf({ actorId: stranger.user.id, fileName: "续签.pdf", bytes });
    expect(foreign.envelopeId).not.toBe(env.id);
    expect(foreign.continued).toBe(false);
    await signEnvelope({ actorId: stranger.user.id, envelopeId: foreign.envelopeId, pin: stranger.pin, placements: [] });
    const { bytes: twice } = await readEnvelopeFile({ actorId: stranger.user.id, envelopeId: foreign.envelopeId });
    const report = await verifyPdf(twice);
    expect(report.signatures.map((s) => s.valid)).toEqual([true, true]);
  });
});
