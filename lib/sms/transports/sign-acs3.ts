import { createHash, createHmac } from "node:crypto";

// Alibaba Cloud V3 signature (ACS3-HMAC-SHA256), which replaces the V2
// HMAC-SHA1 `Signature=` query parameter (Alibaba doc "V3版本请求体&签名机制").

const ALGORITHM = "ACS3-HMAC-SHA256";

export interface SignAcs3RequestOptions {
  accessKeyId: string;
  accessKeySecret: string;
  method: string;
  /** Host of the URL the request goes to (fetch derives the Host header from it). */
  host: string;
  /** RPC parameters; send them as the returned `canonicalQueryString`. */
  query: Record<string, string>;
  /** x-acs-action, x-acs-version, x-acs-date, x-acs-signature-nonce, optional content-type / x-acs-security-token. */
  headers: Record<string, string>;
  /** The exact body that will be sent; omitted or empty for RPC calls with parameters in the query. */
  body?: string | Uint8Array;
}

export interface SignedAcs3Request {
  authorization: string;
  /** Headers to send: the input headers plus x-acs-content-sha256 and Authorization (host left to fetch). */
  headers: Record<string, string>;
  /** Use this verbatim as the URL query so the bytes the server sees are the bytes we signed. */
  canonicalQueryString: string;
  /** Exposed for troubleshooting SignatureDoesNotMatch and for the vector test. */
  canonicalRequest: string;
}

export function signAcs3Request(opts: SignAcs3RequestOptions): SignedAcs3Request {
  const payloadHash = createHash("sha256").update(opts.body ?? "").digest("hex");

  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(opts.headers)) headers[name.toLowerCase()] = value;
  headers["x-acs-content-sha256"] = payloadHash;

  const toSign: Record<string, string> = { ...headers, host: opts.host };
  const signedNames = Object.keys(toSign)
    .filter((name) => name === "host" || name === "content-type" || name.startsWith("x-acs-"))
    .sort(byCodeUnit);
  const canonicalHeaders = signedNames.map((name) => `${name}:${toSign[name].trim()}\n`).join("");
  const signedHeaders = signedNames.join(";");

  const canonicalQueryString = Object.keys(opts.query)
    .sort(byCodeUnit)
    .map((name) => `${percentEncodeRfc3986(name)}=${percentEncodeRfc3986(opts.query[name])}`)
    .join("&");

  const canonicalRequest = [
    opts.method.toUpperCase(), "/", canonicalQueryString, canonicalHeaders, signedHeaders, payloadHash,
  ].join("\n");
  const stringToSign = `${ALGORITHM}\n${createHash("sha256").update(canonicalRequest, "utf8").digest("hex")}`;
  // Unlike TC3 there is no derived key chain: the secret signs directly.
  const signature = createHmac("sha256", opts.accessKeySecret).update(stringToSign, "utf8").digest("hex");

  const authorization = `${ALGORITHM} Credential=${opts.accessKeyId},SignedHeaders=${signedHeaders},Signature=${signature}`;
  return { authorization, headers: { ...headers, authorization }, canonicalQueryString, canonicalRequest };
}

/**
 * RFC 3986 encoding as Alibaba expects it: only A-Za-z0-9-_.~ stay literal.
 * encodeURIComponent additionally keeps !'()* , which the server would encode
 * when it recomputes the signature, so those are escaped here.
 */
export function percentEncodeRfc3986(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

// Plain code-unit order (what the SDKs use); localeCompare would depend on ICU.
function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
