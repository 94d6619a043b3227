import { getPki } from "@/lib/certificates/get-pki";
import { readBodyLimited } from "@/lib/http/read-body-limited";

// RFC 6960 over HTTP POST. The responder never throws: bad input becomes a
// malformedRequest response, as the protocol wants.
export async function POST(req: Request) {
  const { ocsp } = await getPki();
  const type = req.headers.get("content-type")?.split(";")[0]?.trim();
  const body = type === "application/ocsp-request" ? await readBodyLimited(req, ocsp.maxRequestBytes) : null;
  const der = await ocsp.respond(body ?? Buffer.alloc(0));
  return new Response(new Uint8Array(der), { headers: { "content-type": "application/ocsp-response", "cache-control": "no-store" } });
}
