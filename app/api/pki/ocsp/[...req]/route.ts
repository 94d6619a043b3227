import { getPki } from "@/lib/certificates/get-pki";
import { ocspRequestFromGetPath } from "@/lib/pki";

// RFC 6960 appendix A: GET {url}/{url-encoding of base-64 encoding of the DER request}.
export async function GET(_req: Request, { params }: { params: Promise<{ req: string[] }> }) {
  const { ocsp } = await getPki();
  const segment = (await params).req.join("/");
  const der = segment.length <= ocsp.maxRequestBytes * 2 ? ocspRequestFromGetPath(segment) : null;
  const reply = await ocsp.respond(der ?? Buffer.alloc(0));
  return new Response(new Uint8Array(reply), { headers: { "content-type": "application/ocsp-response", "cache-control": "max-age=300" } });
}
