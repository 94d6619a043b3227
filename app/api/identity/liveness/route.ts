import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/guards";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { getClientIp } from "@/lib/http/get-client-ip";
import { jsonError } from "@/lib/http/json-error";
import { MAX_FRAME_BYTES, MAX_UPLOAD_FRAMES } from "@/lib/identity";
import { submitLiveness } from "@/lib/real-name/submit-liveness";

const Fields = z.object({
  membershipId: z.string().uuid(),
  challengeId: z.string().uuid(),
  nonce: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/),
  offsets: z.string().max(2000),
  mirrored: z.enum(["0", "1"]).default("0"),
});

// The liveness upload: the frontal frame first, then the frames taken during
// each action, with their capture offsets (ms since the challenge arrived).
export async function POST(req: Request) {
  try {
    const user = await getCurrentUser();
    if (!user) throw new AppError("UNAUTHENTICATED");
    if (Number(req.headers.get("content-length") ?? 0) > MAX_UPLOAD_FRAMES * MAX_FRAME_BYTES) throw new AppError("LIVENESS_FRAME_INVALID", "upload too large");
    const form = await req.formData().catch(() => null);
    if (!form) throw new AppError("INVALID_INPUT");
    const fields = Fields.safeParse(Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === "string")));
    if (!fields.success) throw new AppError("INVALID_INPUT");
    const files = form.getAll("frame").filter((f): f is File => f instanceof File);
    const offsets = fields.data.offsets.split(",").map(Number);
    if (files.length < 2 || files.length > MAX_UPLOAD_FRAMES || offsets.length !== files.length || offsets.some((o) => !Number.isFinite(o))) {
      throw new AppError("LIVENESS_FRAME_INVALID", "frames and offsets do not match");
    }
    const frames = await Promise.all(files.map(async (f, i) => ({ jpeg: new Uint8Array(await f.arrayBuffer()), offsetMs: offsets[i]! })));
    const ip = getClientIp(await headers(), env().TRUSTED_PROXY_HOPS);
    const result = await submitLiveness({
      actorId: user.id,
      membershipId: fields.data.membershipId,
      challengeId: fields.data.challengeId,
      nonce: fields.data.nonce,
      frontal: frames[0]!,
      actionFrames: frames.slice(1),
      mirrored: fields.data.mirrored === "1",
      ip,
    });
    const t = await getTranslations("errors");
    return Response.json({ ok: true, passed: result.passed, reasons: [...new Set(result.reasons)].map((r) => t(r)) });
  } catch (e) {
    return jsonError(e);
  }
}
