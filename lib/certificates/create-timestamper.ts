import "server-only";
import type { PdfTimestamper } from "@/lib/pdf";
import { requestTimestamp } from "@/lib/pki";
import { getPki } from "./get-pki";

/**
 * Signature time-stamps (PAdES B-T). With TSA_URL set, an external RFC 3161
 * authority over HTTP; otherwise our own TSA, called in-process through the
 * same RFC 3161 encoding (the server needs no idea of its own public URL).
 */
export async function createTimestamper(): Promise<PdfTimestamper> {
  const external = process.env.TSA_URL;
  if (external) return async (digest) => new Uint8Array(await requestTimestamp({ digest: Buffer.from(digest), hashAlg: "sha256", url: external }));
  const { tsa } = await getPki();
  const inProcess: typeof fetch = async (_url, init) => {
    const body = Buffer.from(init!.body as Uint8Array);
    return new Response(new Uint8Array(tsa.respond(body)), { headers: { "content-type": "application/timestamp-reply" } });
  };
  return async (digest) => new Uint8Array(await requestTimestamp({ digest: Buffer.from(digest), hashAlg: "sha256", url: "in-process:tsa", fetch: inProcess }));
}
