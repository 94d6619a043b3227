import { getPki } from "@/lib/certificates/get-pki";
import { readBodyLimited } from "@/lib/http/read-body-limited";
import { TSA_CONTENT_TYPES } from "@/lib/pki";

// RFC 3161 time-stamp protocol over HTTP. Malformed or oversized queries get a
// rejection reply (badDataFormat), never a 500.
export async function POST(req: Request) {
  const { tsa } = await getPki();
  const type = req.headers.get("content-type")?.split(";")[0]?.trim();
  const body = type === TSA_CONTENT_TYPES.query ? await readBodyLimited(req, tsa.maxQueryBytes) : null;
  const reply = tsa.respond(body ?? Buffer.alloc(0));
  return new Response(new Uint8Array(reply), { headers: { "content-type": TSA_CONTENT_TYPES.reply, "cache-control": "no-store" } });
}
