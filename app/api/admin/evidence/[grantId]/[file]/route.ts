import { headers } from "next/headers";
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/guards";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { getClientIp } from "@/lib/http/get-client-ip";
import { jsonError } from "@/lib/http/json-error";
import { readEvidenceFile } from "@/lib/real-name/read-evidence-file";

// One evidence image for an admin holding a live grant; every read is audited.
// Never cached anywhere (no-store also keeps it out of the service worker's caches).
export async function GET(_req: Request, { params }: { params: Promise<{ grantId: string; file: string }> }) {
  try {
    const user = await getCurrentUser();
    if (!user) throw new AppError("UNAUTHENTICATED");
    const { grantId, file } = await params;
    if (!z.string().uuid().safeParse(grantId).success) throw new AppError("NOT_FOUND");
    const ip = getClientIp(await headers(), env().TRUSTED_PROXY_HOPS);
    const { bytes, contentType } = await readEvidenceFile({ actorId: user.id, grantId, file, ip });
    return new Response(new Uint8Array(bytes), {
      headers: {
        "content-type": contentType,
        "content-disposition": contentType.startsWith("image/") ? "inline" : "attachment",
        "cache-control": "private, no-store",
        "x-content-type-options": "nosniff",
        "content-security-policy": "default-src 'none'",
      },
    });
  } catch (e) {
    return jsonError(e);
  }
}
