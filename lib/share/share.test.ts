import { afterAll, describe, expect, it } from "vitest";
import { closeDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { loadEnvelope } from "@/lib/envelopes/load-envelope";
import { randomIp } from "@/tests/helpers/phones";
import { readySigner, samplePdf } from "@/tests/helpers/signers";
import { claimSharedFile } from "./claim-shared-file";
import { stashSharedFile } from "./stash-shared-file";

afterAll(closeDb);

const codeOf = (p: Promise<unknown>) => p.then(() => "ok", (e: unknown) => (e instanceof AppError ? e.code : String(e)));

describe("share target server fallback", () => {
  it("keeps a shared PDF before login and opens it once for whoever logs in with the token", async () => {
    const token = await stashSharedFile({ fileName: "招标文件.pdf", bytes: await samplePdf(1), ip: randomIp() });
    const user = await readySigner("分享接收人");
    const { envelopeId } = await claimSharedFile({ actorId: user.user.id, token });
    const { envelope } = await loadEnvelope({ actorId: user.user.id, envelopeId });
    expect(envelope.title).toBe("招标文件");
    expect(await codeOf(claimSharedFile({ actorId: user.user.id, token }))).toBe("NOT_FOUND");
    expect(await codeOf(claimSharedFile({ actorId: user.user.id, token: "x".repeat(32) }))).toBe("NOT_FOUND");
  });

  it("refuses non-PDFs and caps anonymous shares per address", async () => {
    expect(await codeOf(stashSharedFile({ fileName: "a.pdf", bytes: new TextEncoder().encode("<html>"), ip: randomIp() }))).toBe("NOT_A_PDF");
    const ip = randomIp();
    const pdf = await samplePdf(1);
    for (let i = 0; i < 20; i++) await stashSharedFile({ fileName: "a.pdf", bytes: pdf, ip });
    expect(await codeOf(stashSharedFile({ fileName: "a.pdf", bytes: pdf, ip }))).toBe("RATE_LIMITED");
  });
});
