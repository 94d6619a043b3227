import { getPki } from "@/lib/certificates/get-pki";
import { getCurrentCrl } from "@/lib/pki";

export async function GET() {
  const { ca, store } = await getPki();
  const der = await getCurrentCrl({ ca, store });
  return new Response(new Uint8Array(der), { headers: { "content-type": "application/pkix-crl", "cache-control": "max-age=600" } });
}
