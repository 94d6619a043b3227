import { createHash, createHmac } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

// A stand-in for Tencent Cloud SMS (SendSms 2021-01-11) that speaks the real
// protocol: it checks the TC3-HMAC-SHA256 signature of every request with its
// own implementation and answers like Tencent does. The app talks to it over
// real HTTP exactly as it would to sms.tencentcloudapi.com. Tests read what
// was "delivered" at GET /__inbox/<phone>.

export interface SimulatedSms {
  phone: string;
  templateId: string;
  params: string[];
  at: number;
}

const sha256 = (s: string | Buffer) => createHash("sha256").update(s).digest("hex");
const hmac = (key: Buffer | string, s: string) => createHmac("sha256", key).update(s).digest();

function expectedSignature(secretKey: string, headers: Record<string, string | string[] | undefined>, body: Buffer): string | null {
  const auth = String(headers.authorization ?? "");
  const m = /^TC3-HMAC-SHA256 Credential=([^/]+)\/(\d{4}-\d{2}-\d{2})\/sms\/tc3_request, SignedHeaders=([a-z;-]+), Signature=([0-9a-f]{64})$/.exec(auth);
  if (!m) return null;
  const [, , date, signedHeaders] = m;
  const canonicalHeaders = signedHeaders!
    .split(";")
    .map((h) => {
      const v = String(headers[h] ?? "").trim();
      return `${h}:${h === "x-tc-action" ? v.toLowerCase() : v}\n`;
    })
    .join("");
  const canonical = ["POST", "/", "", canonicalHeaders, signedHeaders, sha256(body)].join("\n");
  const ts = String(headers["x-tc-timestamp"] ?? "");
  const scope = `${date}/sms/tc3_request`;
  const toSign = ["TC3-HMAC-SHA256", ts, scope, sha256(canonical)].join("\n");
  const key = hmac(hmac(hmac(`TC3${secretKey}`, date!), "sms"), "tc3_request");
  return createHmac("sha256", key).update(toSign).digest("hex");
}

export async function startTencentSmsSimulator({ secretId, secretKey }: { secretId: string; secretKey: string }) {
  const inbox: SimulatedSms[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const reply = (obj: unknown) => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ Response: { ...(obj as object), RequestId: `sim-${Date.now()}` } }));
      };
      if (req.method === "GET" && req.url?.startsWith("/__inbox/")) {
        const phone = decodeURIComponent(req.url.slice("/__inbox/".length));
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify(inbox.filter((m) => m.phone === phone)));
        return;
      }
      const auth = String(req.headers.authorization ?? "");
      if (!auth.includes(`Credential=${secretId}/`)) return reply({ Error: { Code: "AuthFailure.SecretIdNotFound", Message: "unknown id" } });
      const sig = auth.match(/Signature=([0-9a-f]{64})/)?.[1];
      if (!sig || expectedSignature(secretKey, req.headers, body) !== sig) {
        return reply({ Error: { Code: "AuthFailure.SignatureFailure", Message: "signature mismatch" } });
      }
      if (Math.abs(Date.now() / 1000 - Number(req.headers["x-tc-timestamp"])) > 300) {
        return reply({ Error: { Code: "AuthFailure.SignatureExpire", Message: "expired" } });
      }
      const p = JSON.parse(body.toString("utf8")) as { PhoneNumberSet: string[]; TemplateId: string; TemplateParamSet: string[] };
      const statuses = p.PhoneNumberSet.map((e164) => {
        inbox.push({ phone: e164.replace(/^\+86/, ""), templateId: p.TemplateId, params: p.TemplateParamSet, at: Date.now() });
        return { SerialNo: `sim:${inbox.length}`, PhoneNumber: e164, Fee: 1, Code: "Ok", Message: "send success", IsoCode: "CN" };
      });
      reply({ SendStatusSet: statuses });
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}/`,
    inbox,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
