import { getPki } from "@/lib/certificates/get-pki";
import { getCaCertificates } from "@/lib/pki";

// The AIA caIssuers target: the issuing CA by default; ?cert=root for the
// root; ?format=pem for the whole chain as PEM (to import into a validator).
export async function GET(req: Request) {
  const { ca } = await getPki();
  const certs = getCaCertificates(ca);
  const url = new URL(req.url);
  if (url.searchParams.get("format") === "pem") {
    return new Response(certs.chainPem, { headers: { "content-type": "application/x-pem-file", "content-disposition": 'attachment; filename="cloudsign-ca.pem"' } });
  }
  const cert = url.searchParams.get("cert") === "root" ? certs.root : certs.issuing;
  return new Response(new Uint8Array(cert.der), { headers: { "content-type": "application/pkix-cert", "cache-control": "max-age=86400" } });
}
