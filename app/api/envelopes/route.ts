import { headers } from "next/headers";
import { getCurrentUser } from "@/lib/auth/guards";
import { openIncomingPdf } from "@/lib/envelopes/open-incoming-pdf";
import { assertUploadRequestSize } from "@/lib/envelopes/upload-limits";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { getClientIp } from "@/lib/http/get-client-ip";
import { jsonError } from "@/lib/http/json-error";

// 发起签署 from the file picker: multipart with one PDF under "file". A file
// that is a continuation of one of the user's envelopes opens that envelope.
export async function POST(req: Request) {
  try {
    const user = await getCurrentUser();
    if (!user) throw new AppError("UNAUTHENTICATED");
    assertUploadRequestSize(req);
    const form = await req.formData().catch(() => null);
    const file = form?.get("file");
    if (!(file instanceof File)) throw new AppError("NOT_A_PDF", "no file");
    const ip = getClientIp(await headers(), env().TRUSTED_PROXY_HOPS);
    const result = await openIncomingPdf({ actorId: user.id, fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()), ip });
    return Response.json({ ok: true, ...result });
  } catch (e) {
    return jsonError(e);
  }
}
