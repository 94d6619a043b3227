import { assertUploadRequestSize } from "@/lib/envelopes/upload-limits";
import { AppError } from "@/lib/errors";
import { jsonError } from "@/lib/http/json-error";
import { verifyUploadedPdf } from "@/lib/verification/verify-uploaded-pdf";

// Public: anyone may check a signed PDF. Nothing is stored.
export async function POST(req: Request) {
  try {
    assertUploadRequestSize(req);
    const form = await req.formData().catch(() => null);
    const file = form?.get("file");
    if (!(file instanceof File)) throw new AppError("NOT_A_PDF", "no file");
    return Response.json({ ok: true, ...(await verifyUploadedPdf({ bytes: new Uint8Array(await file.arrayBuffer()) })) }, { headers: { "cache-control": "no-store" } });
  } catch (e) {
    return jsonError(e);
  }
}
