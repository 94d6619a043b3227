import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

// A stand-in for an S3-compatible store (path-style, as MinIO serves it) that
// the storage tests reach over real HTTP. It checks the SigV4 Authorization of
// every request with its own implementation, written from the AWS docs and
// sharing no code with lib/storage/sign-sigv4.ts, so a signing bug in the app
// fails here as it would against S3 (403 SignatureDoesNotMatch). Objects live
// in memory; errors come back as S3's XML <Error><Code>…</Code></Error>.

export interface S3SimulatorOptions {
  accessKeyId: string;
  secretAccessKey: string;
  bucket: string;
}

export interface SimulatedS3Request {
  method: string;
  key: string;
  payloadHash: string;
  status: number;
}

const sha256 = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");
const hmac = (key: Buffer | string, data: string) => createHmac("sha256", key).update(data).digest();
const encode = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase());
const AUTH = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/;

type Refusal = { status: number; code: string };

/** Returns why the request is refused, or null when its signature holds. */
function checkSignature(req: IncomingMessage, body: Buffer, o: S3SimulatorOptions): Refusal | null {
  const m = AUTH.exec(String(req.headers.authorization ?? ""));
  if (!m) return { status: 403, code: "AccessDenied" };
  const [, accessKeyId, day, region, signedHeaders, signature] = m as unknown as string[];
  if (accessKeyId !== o.accessKeyId) return { status: 403, code: "InvalidAccessKeyId" };
  const names = signedHeaders.split(";");
  const amzDate = String(req.headers["x-amz-date"] ?? "");
  if (!names.includes("host") || !names.includes("x-amz-date") || !amzDate.startsWith(day)) return { status: 403, code: "AccessDenied" };
  const at = Date.parse(amzDate.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, "$1-$2-$3T$4:$5:$6Z"));
  if (!(Math.abs(Date.now() - at) <= 15 * 60_000)) return { status: 403, code: "RequestTimeTooSkewed" };
  const payloadHash = String(req.headers["x-amz-content-sha256"] ?? "");
  if (!payloadHash) return { status: 400, code: "InvalidRequest" };
  if (payloadHash !== "UNSIGNED-PAYLOAD" && payloadHash !== sha256(body)) return { status: 400, code: "XAmzContentSHA256Mismatch" };

  const [rawPath, rawQuery = ""] = (req.url ?? "/").split("?", 2);
  const path = rawPath.split("/").map((s) => encode(decodeURIComponent(s))).join("/");
  const query = rawQuery
    .split("&")
    .filter(Boolean)
    .map((pair) => {
      const i = pair.indexOf("=");
      return [pair.slice(0, i < 0 ? pair.length : i), i < 0 ? "" : pair.slice(i + 1)].map((x) => encode(decodeURIComponent(x)));
    })
    .sort(([ak, av], [bk, bv]) => (ak !== bk ? (ak < bk ? -1 : 1) : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join("&");
  const headerLines = names.map((n) => {
    const v = req.headers[n];
    return `${n}:${(Array.isArray(v) ? v.join(",") : String(v ?? "")).trim().replace(/\s+/g, " ")}\n`;
  });
  const canonical = [req.method, path, query, headerLines.join(""), signedHeaders, payloadHash].join("\n");
  const scope = `${day}/${region}/s3/aws4_request`;
  const toSign = `AWS4-HMAC-SHA256\n${amzDate}\n${scope}\n${sha256(canonical)}`;
  const key = hmac(hmac(hmac(hmac(`AWS4${o.secretAccessKey}`, day), region), "s3"), "aws4_request");
  const expected = Buffer.from(createHmac("sha256", key).update(toSign).digest("hex"));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given) ? null : { status: 403, code: "SignatureDoesNotMatch" };
}

export async function startS3Simulator(o: S3SimulatorOptions) {
  const objects = new Map<string, { body: Buffer; contentType: string }>();
  const requests: SimulatedS3Request[] = [];
  let seq = 0;

  const handle = (req: IncomingMessage, res: ServerResponse, body: Buffer) => {
    const path = (req.url ?? "/").split("?")[0];
    const [bucket = "", ...rest] = path.slice(1).split("/").map(decodeURIComponent);
    const key = rest.join("/");
    const reply = (status: number, headers: Record<string, string | number> = {}, payload?: Buffer) => {
      requests.push({ method: req.method ?? "", key, payloadHash: String(req.headers["x-amz-content-sha256"] ?? ""), status });
      res.writeHead(status, { "x-amz-request-id": `sim-${++seq}`, ...headers });
      res.end(req.method === "HEAD" ? undefined : payload);
    };
    const fail = ({ status, code }: Refusal) =>
      reply(status, { "content-type": "application/xml" }, Buffer.from(
        `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${code}</Message>` +
          `<Resource>${path}</Resource><RequestId>sim-${seq + 1}</RequestId></Error>`,
      ));

    const refusal = checkSignature(req, body, o);
    if (refusal) return fail(refusal);
    if (bucket !== o.bucket) return fail({ status: 404, code: "NoSuchBucket" });
    if (!key) return fail({ status: 501, code: "NotImplemented" });
    const object = objects.get(key);
    switch (req.method) {
      case "PUT":
        objects.set(key, { body, contentType: String(req.headers["content-type"] ?? "binary/octet-stream") });
        return reply(200, { etag: `"${createHash("md5").update(body).digest("hex")}"` });
      case "GET":
      case "HEAD":
        if (!object) return fail({ status: 404, code: "NoSuchKey" });
        return reply(200, { "content-type": object.contentType, "content-length": object.body.length }, object.body);
      case "DELETE":
        objects.delete(key);
        return reply(204);
      default:
        return fail({ status: 405, code: "MethodNotAllowed" });
    }
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => handle(req, res, Buffer.concat(chunks)));
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;

  return {
    endpoint: `http://127.0.0.1:${port}`,
    /** Every request answered, oldest first, so tests can check what the client sent. */
    requests,
    objectKeys: () => [...objects.keys()].sort(),
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections(); // fetch keeps connections alive; close() alone would wait for them
        server.close(() => done());
      }),
  };
}
