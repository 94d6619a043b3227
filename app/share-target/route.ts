import { headers } from "next/headers";
import { env } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { getClientIp } from "@/lib/http/get-client-ip";
import { assertUploadRequestSize } from "@/lib/envelopes/upload-limits";
import { stashSharedFile } from "@/lib/share/stash-shared-file";

// The share target's server fallback, used when no service worker caught the
// POST (first visit, worker not active, storage cleared). The file is stashed
// before any login check, then 303 turns the POST into a GET of the page that
// claims it — after logging in if need be.
export async function POST(req: Request) {
  const back = (query: string) => new Response(null, { status: 303, headers: { location: `/share/received?${query}` } });
  try {
    assertUploadRequestSize(req);
    const form = await req.formData().catch(() => null);
    const file = form?.getAll("file").find((f): f is File => f instanceof File);
    if (!file) return back("error=NOT_A_PDF");
    const ip = getClientIp(await headers(), env().TRUSTED_PROXY_HOPS);
    const token = await stashSharedFile({ fileName: file.name || "shared.pdf", bytes: new Uint8Array(await file.arrayBuffer()), ip });
    return back(`token=${token}`);
  } catch (e) {
    if (isAppError(e)) return back(`error=${e.code}`);
    console.error("[share-target] unexpected failure", e);
    return back("error=INTERNAL");
  }
}
