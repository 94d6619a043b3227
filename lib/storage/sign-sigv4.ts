import { createHash, createHmac } from "node:crypto";

// AWS Signature Version 4 (header-based), written out with node:crypto so the
// app speaks to AWS S3, Tencent COS, Aliyun OSS (S3 mode) and MinIO without the
// AWS SDK. This is the S3 flavour: the path is URI-encoded once and never
// normalised (other AWS services double-encode), which is identical to the
// generic algorithm for the plain paths of the AWS test suite.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html

export const EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
/** Allowed by S3 instead of a body hash; we only use it where hashing is impossible. */
export const UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";

export interface SigV4Credentials {
  accessKeyId: string;
  secretAccessKey: string;
}

export interface SignSigV4Options {
  method: string;
  url: URL | string;
  /** Every header given here is signed; `host` and `x-amz-date` are added. */
  headers?: Record<string, string>;
  /** Hex SHA-256 of the body, or UNSIGNED_PAYLOAD. */
  payloadHash: string;
  region: string;
  service: string;
  credentials: SigV4Credentials;
  now: Date;
  /** S3 requires x-amz-content-sha256 as a signed header; the generic suite has none. Default: service === "s3". */
  includeContentSha256?: boolean;
}

export const sha256Hex = (data: string | Uint8Array) => createHash("sha256").update(data).digest("hex");
const hmac = (key: Uint8Array | string, data: string) => createHmac("sha256", key).update(data).digest();

/** RFC 3986 unreserved characters stay; everything else is %XX (uppercase), as SigV4 requires. */
export function encodeRfc3986(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function canonicalUri(pathname: string): string {
  // Decode first so "$" and "%24" sign the same; WHATWG URL leaves "$" raw.
  return pathname.split("/").map((segment) => encodeRfc3986(decodeURIComponent(segment))).join("/") || "/";
}

function canonicalQuery(search: string): string {
  if (search.length <= 1) return "";
  return search
    .slice(1)
    .split("&")
    .filter(Boolean)
    .map((pair) => {
      const eq = pair.indexOf("=");
      const [k, v] = eq < 0 ? [pair, ""] : [pair.slice(0, eq), pair.slice(eq + 1)];
      return [encodeRfc3986(decodeURIComponent(k)), encodeRfc3986(decodeURIComponent(v))] as const;
    })
    .sort(([ak, av], [bk, bv]) => (ak < bk ? -1 : ak > bk ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join("&");
}

/** "20150830T123600Z" */
export function toAmzDate(now: Date): string {
  return now.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

/**
 * Returns the headers to send (the caller's, lower-cased, plus x-amz-date,
 * x-amz-content-sha256 for S3, and authorization). `host` is signed but not
 * returned: fetch derives it from the URL, and sets it the same way.
 */
export function signSigV4(o: SignSigV4Options): Record<string, string> {
  const url = typeof o.url === "string" ? new URL(o.url) : o.url;
  const amzDate = toAmzDate(o.now);
  const day = amzDate.slice(0, 8);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(o.headers ?? {})) headers[name.toLowerCase()] = value;
  headers.host = url.host;
  headers["x-amz-date"] = amzDate;
  if (o.includeContentSha256 ?? o.service === "s3") headers["x-amz-content-sha256"] = o.payloadHash;

  const names = Object.keys(headers).sort();
  const canonicalHeaders = names.map((n) => `${n}:${headers[n].trim().replace(/\s+/g, " ")}\n`).join("");
  const signedHeaders = names.join(";");
  const canonicalRequest = [
    o.method.toUpperCase(),
    canonicalUri(url.pathname),
    canonicalQuery(url.search),
    canonicalHeaders,
    signedHeaders,
    o.payloadHash,
  ].join("\n");

  const scope = `${day}/${o.region}/${o.service}/aws4_request`;
  const stringToSign = ["AWS4-HMAC-SHA256", amzDate, scope, sha256Hex(canonicalRequest)].join("\n");
  const signingKey = [day, o.region, o.service, "aws4_request"].reduce<Uint8Array>(
    (key, part) => hmac(key, part),
    Buffer.from(`AWS4${o.credentials.secretAccessKey}`),
  );
  const signature = createHmac("sha256", signingKey).update(stringToSign).digest("hex");

  const { host: _signedOnly, ...toSend } = headers;
  toSend.authorization =
    `AWS4-HMAC-SHA256 Credential=${o.credentials.accessKeyId}/${scope}, ` +
    `SignedHeaders=${signedHeaders}, Signature=${signature}`;
  return toSend;
}
