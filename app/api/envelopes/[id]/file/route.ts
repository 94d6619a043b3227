import { getCurrentUser } from "@/lib/auth/guards";
import { readEnvelopeFile } from "@/lib/envelopes/read-envelope-file";
import { AppError } from "@/lib/errors";
import { jsonError } from "@/lib/http/json-error";

// The newest revision (or ?revision=N) for participants; strangers get 404.
export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const user = await getCurrentUser();
    if (!user) throw new AppError("UNAUTHENTICATED");
    const raw = new URL(req.url).searchParams.get("revision");
    const revision = raw === null ? undefined : Number(raw);
    if (revision !== undefined && !(Number.isInteger(revision) && revision >= 0)) throw new AppError("INVALID_INPUT");
    const { envelope, revision: rev, bytes } = await readEnvelopeFile({ actorId: user.id, envelopeId: (await params).id, revision });
    const suffix = envelope.status === "completed" ? "已签署" : `第${rev.number}版`;
    const name = `${envelope.title}-${suffix}.pdf`;
    return new Response(new Uint8Array(bytes), {
      headers: {
        "content-type": "application/pdf",
        "content-disposition": `attachment; filename="document.pdf"; filename*=UTF-8''${encodeURIComponent(name)}`,
        "cache-control": "private, no-store",
        "x-content-sha256": rev.sha256,
      },
    });
  } catch (e) {
    return jsonError(e);
  }
}
