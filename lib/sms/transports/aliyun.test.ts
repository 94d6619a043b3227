import { createHash, createHmac } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { createAliyunSmsTransport } from "./aliyun";
import { type FakeProvider, type ReceivedRequest, startFakeProvider } from "./fake-provider.test-helper";
import type { SmsMessage } from "./types";

const ACCESS_KEY_ID = "LTAItestaccesskey";
const ACCESS_KEY_SECRET = "aliyun-test-secret";
const NOW = Date.UTC(2026, 11, 4, 8, 0, 0, 123);

const templateCodes = {
  login: "SMS_1", register: "SMS_2", confirm: "SMS_3", renew: "SMS_4", unlock: "SMS_5", notify: "SMS_6",
};
const message: SmsMessage = { phone: "13800138000", purpose: "login", templateParams: ["654321", "5"], text: "…" };

// Independent, byte-by-byte RFC 3986 encoder (the transport uses encodeURIComponent).
function encode(value: string): string {
  let out = "";
  for (const byte of Buffer.from(value, "utf8")) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-_.~]/.test(c) ? c : "%" + byte.toString(16).toUpperCase().padStart(2, "0");
  }
  return out;
}

function queryOf(req: ReceivedRequest): Record<string, string> {
  const raw = req.url.split("?")[1] ?? "";
  const params: Record<string, string> = {};
  for (const pair of raw.split("&").filter(Boolean)) {
    const [k, v = ""] = pair.split("=");
    params[decodeURIComponent(k)] = decodeURIComponent(v);
  }
  return params;
}

// What Aliyun's gateway does: re-derive the canonical request from what arrived.
function verifyAcs3(req: ReceivedRequest, secret: string): string | null {
  const m = /^ACS3-HMAC-SHA256 Credential=([^,]+),SignedHeaders=([a-z0-9;-]+),Signature=([0-9a-f]{64})$/.exec(
    String(req.headers.authorization),
  );
  if (!m) return "IncompleteSignature";
  const signedHeaders = m[2].split(";");
  // Every x-acs-* header that arrived must be covered by the signature.
  for (const name of Object.keys(req.headers)) {
    if (name.startsWith("x-acs-") && !signedHeaders.includes(name)) return "IncompleteSignature";
  }
  const bodyHash = createHash("sha256").update(req.body).digest("hex");
  if (req.headers["x-acs-content-sha256"] !== bodyHash) return "SignatureDoesNotMatch";
  const query = queryOf(req);
  const canonicalQuery = Object.keys(query).sort().map((k) => encode(k) + "=" + encode(query[k])).join("&");
  const canonicalHeaders = signedHeaders.map((n) => n + ":" + String(req.headers[n]).trim() + "\n").join("");
  const canonical = [req.method, "/", canonicalQuery, canonicalHeaders, m[2], bodyHash].join("\n");
  const toSign = "ACS3-HMAC-SHA256\n" + createHash("sha256").update(canonical).digest("hex");
  const expected = createHmac("sha256", secret).update(toSign).digest("hex");
  return expected === m[3] ? null : "SignatureDoesNotMatch";
}

const json = (body: unknown, status = 200) => ({ status, body: JSON.stringify(body) });
const result = (Code: string, Message = "") => json({ Code, Message, BizId: Code === "OK" ? "700000000000000000^0" : undefined, RequestId: "rid-1" });

let server: FakeProvider;
beforeAll(async () => {
  server = await startFakeProvider();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

function answer(onValid: (req: ReceivedRequest) => ReturnType<typeof json> | "hang") {
  server.reply = (req) => {
    const authError = verifyAcs3(req, ACCESS_KEY_SECRET);
    return authError ? json({ Code: authError, Message: "Specified signature does not match", RequestId: "rid-x" }, 400) : onValid(req);
  };
}

let nonceCounter = 0;
function transport(overrides: Partial<Parameters<typeof createAliyunSmsTransport>[0]> = {}) {
  return createAliyunSmsTransport({
    accessKeyId: ACCESS_KEY_ID, accessKeySecret: ACCESS_KEY_SECRET, signName: "云签署", templateCodes,
    endpoint: server.endpoint, now: () => NOW, nonce: () => `nonce-${++nonceCounter}`, ...overrides,
  });
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).message).not.toContain(ACCESS_KEY_SECRET);
  return error as AppError;
}

describe("createAliyunSmsTransport", () => {
  it("sends a correctly signed SendSms request and returns the BizId", async () => {
    answer(() => result("OK", "OK"));
    await expect(transport().send(message)).resolves.toEqual({ provider: "aliyun", messageId: "700000000000000000^0" });

    const [req] = server.requests;
    expect(req.method).toBe("POST");
    expect(req.body.length).toBe(0);
    expect(queryOf(req)).toEqual({
      PhoneNumbers: "13800138000", SignName: "云签署", TemplateCode: "SMS_1",
      TemplateParam: '{"code":"654321","minutes":"5"}',
    });
    // The URL carries the canonical (sorted, RFC 3986) query verbatim.
    expect(req.url).toBe(
      "/?PhoneNumbers=13800138000&SignName=%E4%BA%91%E7%AD%BE%E7%BD%B2&TemplateCode=SMS_1" +
        "&TemplateParam=%7B%22code%22%3A%22654321%22%2C%22minutes%22%3A%225%22%7D",
    );
    expect(req.headers).toMatchObject({
      "x-acs-action": "SendSms", "x-acs-version": "2017-05-25", "x-acs-date": "2026-12-04T08:00:00Z",
      "x-acs-signature-nonce": `nonce-${nonceCounter}`,
      "x-acs-content-sha256": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    });
    expect(req.headers.authorization).toMatch(
      new RegExp(`^ACS3-HMAC-SHA256 Credential=${ACCESS_KEY_ID},SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=`),
    );
  });

  it("uses a fresh nonce per request and only as many template keys as values", async () => {
    answer(() => result("OK"));
    const t = transport();
    await t.send({ ...message, templateParams: ["111111"] });
    await t.send(message);
    const [a, b] = server.requests;
    expect(a.headers["x-acs-signature-nonce"]).not.toBe(b.headers["x-acs-signature-nonce"]);
    expect(queryOf(a).TemplateParam).toBe('{"code":"111111"}');
  });

  it("honours per-purpose template parameter names", async () => {
    answer(() => result("OK"));
    await transport({ templateParamNames: { notify: ["name"] } }).send({ ...message, purpose: "notify", templateParams: ["张三"] });
    expect(queryOf(server.requests[0])).toMatchObject({ TemplateCode: "SMS_6", TemplateParam: '{"name":"张三"}' });
  });

  it("refuses to send when a parameter has no name", async () => {
    answer(() => result("OK"));
    await expect(transport().send({ ...message, templateParams: ["1", "2", "3"] })).rejects.toThrow(/no name for parameter 3/);
    expect(server.requests).toHaveLength(0);
  });

  it("is rejected by the fake server when signed with the wrong secret (the check is real)", async () => {
    answer(() => result("OK"));
    const error = await failure(transport({ accessKeySecret: "wrong" }).send(message));
    expect(error.code).toBe("SMS_PROVIDER_FAILED");
    expect(error.params).toEqual({ providerCode: "SignatureDoesNotMatch" });
  });

  it("maps a business error to SMS_PROVIDER_FAILED", async () => {
    answer(() => result("isv.MOBILE_NUMBER_ILLEGAL", "非法手机号"));
    const error = await failure(transport().send(message));
    expect(error.code).toBe("SMS_PROVIDER_FAILED");
    expect(error.params.providerCode).toBe("isv.MOBILE_NUMBER_ILLEGAL");
    expect(error.message).toContain("rid-1");
  });

  it("accepts only the exact Code OK", async () => {
    answer(() => result("Ok"));
    expect((await failure(transport().send(message))).code).toBe("SMS_PROVIDER_FAILED");
  });

  it.each([
    ["isv.BUSINESS_LIMIT_CONTROL", 200],
    ["isv.DAY_LIMIT_CONTROL", 200],
    ["Throttling.User", 400],
  ])("maps %s to RATE_LIMITED", async (code, status) => {
    answer(() => json({ Code: code, Message: "触发分钟级流控Permits:1", RequestId: "rid-2" }, status));
    const error = await failure(transport().send(message));
    expect(error.code).toBe("RATE_LIMITED");
    expect(error.params.providerCode).toBe(code);
  });

  it("maps HTTP 5xx without an Aliyun body to SMS_PROVIDER_FAILED", async () => {
    answer(() => ({ status: 503, body: "Service Unavailable", contentType: "text/plain" }));
    const error = await failure(transport().send(message));
    expect(error.code).toBe("SMS_PROVIDER_FAILED");
    expect(error.params.providerCode).toBe("HTTP_503");
  });

  it("gives up after the timeout when the provider never answers", async () => {
    answer(() => "hang");
    const started = Date.now();
    const error = await failure(transport({ timeoutMs: 200 }).send(message));
    expect(error.code).toBe("SMS_PROVIDER_FAILED");
    expect(error.params.providerCode).toBe("TIMEOUT");
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
