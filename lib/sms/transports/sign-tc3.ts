import { createHash, createHmac } from "node:crypto";

// Tencent Cloud API signature v3 (TC3-HMAC-SHA256), hand-rolled so the app does
// not pull in tencentcloud-sdk-nodejs for one call (Tencent doc "签名方法 v3").

const ALGORITHM = "TC3-HMAC-SHA256";
// Signed verbatim, so the request must carry exactly this value.
const CONTENT_TYPE = "application/json; charset=utf-8";

/**
 * The official SDK signs only `content-type;host`; we default to also signing
 * `x-tc-action` so a captured request cannot be replayed against another action.
 */
export type Tc3SignedHeaders = "content-type;host" | "content-type;host;x-tc-action";

export interface SignTc3RequestOptions {
  secretId: string;
  secretKey: string;
  /** Product service name, e.g. "sms"; part of the credential scope. */
  service: string;
  /** Host of the URL the request goes to (fetch derives the Host header from it). */
  host: string;
  /** API action, e.g. "SendSms". */
  action: string;
  /** Unix seconds; also sent as X-TC-Timestamp. Tencent rejects values far from server time. */
  timestamp: number;
  /** The exact JSON text that will be sent as the body: the hash covers its UTF-8 bytes. */
  payload: string;
  signedHeaders?: Tc3SignedHeaders;
}

export interface SignedTc3Request {
  authorization: string;
  /** Headers to send (Authorization included). Host is signed but left to fetch. */
  headers: Record<string, string>;
  /** Exposed for troubleshooting AuthFailure.SignatureFailure and for the vector test. */
  canonicalRequest: string;
  stringToSign: string;
}

export function signTc3Request(opts: SignTc3RequestOptions): SignedTc3Request {
  if (!Number.isInteger(opts.timestamp)) throw new TypeError("TC3 timestamp must be whole Unix seconds");
  const signedHeaders = opts.signedHeaders ?? "content-type;host;x-tc-action";

  const headerValues: Record<string, string> = {
    "content-type": CONTENT_TYPE,
    host: opts.host,
    // Tencent lower-cases the action value before comparing.
    "x-tc-action": opts.action.toLowerCase(),
  };
  const canonicalHeaders = signedHeaders
    .split(";")
    .map((name) => `${name}:${headerValues[name]}\n`)
    .join("");
  // POST only: the canonical query string is always empty.
  const canonicalRequest = ["POST", "/", "", canonicalHeaders, signedHeaders, sha256Hex(opts.payload)].join("\n");

  // The scope date is the UTC date of the timestamp, not local time.
  const date = new Date(opts.timestamp * 1000).toISOString().slice(0, 10);
  const credentialScope = `${date}/${opts.service}/tc3_request`;
  const stringToSign = [ALGORITHM, String(opts.timestamp), credentialScope, sha256Hex(canonicalRequest)].join("\n");

  const secretDate = hmac(`TC3${opts.secretKey}`, date);
  const secretService = hmac(secretDate, opts.service);
  const secretSigning = hmac(secretService, "tc3_request");
  const signature = hmac(secretSigning, stringToSign).toString("hex");

  const authorization =
    `${ALGORITHM} Credential=${opts.secretId}/${credentialScope}, ` +
    `SignedHeaders=${signedHeaders}, Signature=${signature}`;

  return {
    authorization,
    headers: {
      Authorization: authorization,
      "Content-Type": CONTENT_TYPE,
      "X-TC-Action": opts.action,
      "X-TC-Timestamp": String(opts.timestamp),
    },
    canonicalRequest,
    stringToSign,
  };
}

function sha256Hex(data: string): string {
  return createHash("sha256").update(data, "utf8").digest("hex");
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac("sha256", key).update(data, "utf8").digest();
}
