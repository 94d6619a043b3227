// RFC 3161 client: asks a TSA (ours by default) to time-stamp a digest and
// returns the token (a CMS ContentInfo) for the PDF signer to embed as the
// id-aa-timeStampToken unsigned attribute.
import { randomBytes } from "node:crypto";
import { AppError } from "@/lib/errors";
import { bool, integer, octets, oid, seq } from "./asn1/der";
import { HASH_LENGTH, HASH_OIDS, OID } from "./asn1/oids";
import { children, encodeNode, integerBytes, isContext, octetBytes, oidValue, parseDer, Type } from "./asn1/read";
import { PKI_STATUS, TSA_CONTENT_TYPES } from "./timestamp-protocol";

export interface RequestTimestampOptions {
  digest: Buffer;
  hashAlg?: "sha256" | "sha384" | "sha512";
  /** Explicit TSA URL; else TSA_URL from the environment; else `${baseUrl}/api/pki/tsa`. */
  url?: string;
  baseUrl?: string;
  /** Injected fetch (tests, or an in-process call to our own responder). */
  fetch?: typeof globalThis.fetch;
  timeoutMs?: number;
  /** Largest reply accepted. Default 64 KiB. */
  maxReplyBytes?: number;
}

const fail = (reason: string, cause?: unknown) => new AppError("TSA_FAILED", `time-stamp request failed: ${reason}`, { params: { reason }, cause });

/** Length of the TLV at `offset` (header + content) — to slice the token out byte-exactly. */
function tlvLength(buf: Buffer, offset: number): { header: number; length: number } {
  const first = buf[offset + 1];
  if (first < 0x80) return { header: 2, length: first };
  const n = first & 0x7f;
  if (n === 0 || n > 4) throw new Error("unsupported length");
  let len = 0;
  for (let i = 0; i < n; i++) len = len * 256 + buf[offset + 2 + i];
  return { header: 2 + n, length: len };
}

export async function requestTimestamp(opts: RequestTimestampOptions): Promise<Buffer> {
  const hashAlg = opts.hashAlg ?? "sha256";
  if (opts.digest.length !== HASH_LENGTH[hashAlg]) throw new AppError("INVALID_INPUT", `digest must be ${HASH_LENGTH[hashAlg]} bytes for ${hashAlg}`);
  const url = opts.url ?? process.env.TSA_URL ?? (opts.baseUrl ? `${opts.baseUrl.replace(/\/+$/, "")}/api/pki/tsa` : undefined);
  if (!url) throw fail("no TSA URL (set TSA_URL or pass url/baseUrl)");
  const nonce = randomBytes(8);
  nonce[0] &= 0x7f; // positive
  const imprint = seq(seq(oid(HASH_OIDS[hashAlg])), octets(opts.digest));
  const query = seq(integer(1), imprint, integer(nonce), bool(true));

  let reply: Buffer;
  try {
    const res = await (opts.fetch ?? fetch)(url, {
      method: "POST",
      headers: { "content-type": TSA_CONTENT_TYPES.query, accept: TSA_CONTENT_TYPES.reply },
      body: new Uint8Array(query),
      signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
    });
    if (!res.ok) throw fail(`HTTP ${res.status}`);
    reply = Buffer.from(await res.arrayBuffer());
  } catch (e) {
    throw e instanceof AppError ? e : fail("network error", e);
  }
  if (reply.length > (opts.maxReplyBytes ?? 64 * 1024)) throw fail("reply too large");

  try {
    const [statusInfo, tokenNode] = children(parseDer(reply), "TimeStampResp");
    const status = Number(BigInt("0x" + (integerBytes(children(statusInfo, "PKIStatusInfo")[0]).toString("hex") || "0")));
    if (status !== PKI_STATUS.granted && status !== PKI_STATUS.grantedWithMods) throw fail(`status ${status}`);
    if (!tokenNode) throw fail("granted without a token");
    const [ctype, content] = children(tokenNode, "ContentInfo");
    if (oidValue(ctype) !== OID.signedData || !isContext(content, 0)) throw fail("token is not SignedData");
    const signedData = children(children(content, "[0]")[0], "SignedData");
    const [eType, eContent] = children(signedData[2], "EncapsulatedContentInfo");
    if (oidValue(eType) !== OID.tstInfo) throw fail("token does not carry TSTInfo");
    const tst = children(parseDer(octetBytes(children(eContent, "[0]")[0])), "TSTInfo");
    if (!encodeNode(tst[2]).equals(imprint)) throw fail("message imprint mismatch");
    const tstNonce = tst.slice(5).find((n) => n.tagClass === 0 && n.type === Type.INTEGER);
    if (!tstNonce || !integerBytes(tstNonce).equals(integer(nonce).subarray(2))) throw fail("nonce mismatch");
    // Slice the token's exact bytes: re-encoding could alter a foreign TSA's BER.
    const outer = tlvLength(reply, 0);
    const s = tlvLength(reply, outer.header);
    const tokenStart = outer.header + s.header + s.length;
    const t = tlvLength(reply, tokenStart);
    return reply.subarray(tokenStart, tokenStart + t.header + t.length);
  } catch (e) {
    throw e instanceof AppError ? e : fail("malformed reply", e);
  }
}
