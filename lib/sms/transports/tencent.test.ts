import { createHash, createHmac } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { type FakeProvider, type ReceivedRequest, startFakeProvider } from "./fake-provider.test-helper";
import { createTencentSmsTransport } from "./tencent";
import type { SmsMessage } from "./types";

const SECRET_ID = "AKIDtestsecretid";
const SECRET_KEY = "tencent-test-secret-key";
const NOW = Date.UTC(2026, 11, 4, 23, 30, 0); // 2026-12-05 in Beijing, 12-04 UTC

const templateIds = { login: "1001", register: "1002", confirm: "1003", renew: "1004", unlock: "1005", notify: "1006" };
const message: SmsMessage = { phone: "13800138000", purpose: "register", templateParams: ["123456", "5"], text: "…" };

// Independent, deliberately plain TC3 verification as Tencent's server would do
// it: from the received header values and body bytes, not from our signer.
function verifyTc3(req: ReceivedRequest, secretKey: string): string | null {
  const m = /^TC3-HMAC-SHA256 Credential=([^/]+)\/(\d{4}-\d{2}-\d{2})\/sms\/tc3_request, SignedHeaders=([a-z;-]+), Signature=([0-9a-f]{64})$/.exec(
    String(req.headers.authorization),
  );
  if (!m) return "AuthFailure.InvalidAuthorization";
  const [, , date, signedHeaders, signature] = m;
  const timestamp = String(req.headers["x-tc-timestamp"]);
  if (new Date(Number(timestamp) * 1000).toISOString().slice(0, 10) !== date) return "AuthFailure.SignatureFailure";
  let canonicalHeaders = "";
  for (const name of signedHeaders.split(";")) {
    let value = String(req.headers[name]);
    if (name === "x-tc-action") value = value.toLowerCase();
    canonicalHeaders += name + ":" + value + "\n";
  }
  const bodyHash = createHash("sha256").update(req.body).digest("hex");
  const canonical = "POST\n/\n\n" + canonicalHeaders + "\n" + signedHeaders + "\n" + bodyHash;
  const toSign =
    "TC3-HMAC-SHA256\n" + timestamp + "\n" + date + "/sms/tc3_request\n" + createHash("sha256").update(canonical).digest("hex");
  const k1 = createHmac("sha256", "TC3" + secretKey).update(date).digest();
  const k2 = createHmac("sha256", k1).update("sms").digest();
  const k3 = createHmac("sha256", k2).update("tc3_request").digest();
  const expected = createHmac("sha256", k3).update(toSign).digest("hex");
  return expected === signature ? null : "AuthFailure.SignatureFailure";
}

const json = (body: unknown, status = 200) => ({ status, body: JSON.stringify(body) });
const sendStatus = (Code: string, Message = "") =>
  json({ Response: { SendStatusSet: [{ SerialNo: "2028:abc", PhoneNumber: "+8613800138000", Fee: 1, Code, Message, IsoCode: "CN" }], RequestId: "req-1" } });
const wholeError = (Code: string) => json({ Response: { Error: { Code, Message: "something" }, RequestId: "req-2" } });

let server: FakeProvider;
beforeAll(async () => {
  server = await startFakeProvider();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

// Every reply goes through signature verification first, like the real API.
function answer(onValid: (req: ReceivedRequest) => ReturnType<typeof json> | "hang") {
  server.reply = (req) => {
    const authError = verifyTc3(req, SECRET_KEY);
    return authError ? wholeError(authError) : onValid(req);
  };
}

function transport(overrides: Partial<Parameters<typeof createTencentSmsTransport>[0]> = {}) {
  return createTencentSmsTransport({
    secretId: SECRET_ID, secretKey: SECRET_KEY, sdkAppId: "1400000001", signName: "云签署", templateIds,
    region: "ap-guangzhou", endpoint: server.endpoint, now: () => NOW, ...overrides,
  });
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).message).not.toContain(SECRET_KEY);
  return error as AppError;
}

describe("createTencentSmsTransport", () => {
  it("sends a correctly signed SendSms request and returns the SerialNo", async () => {
    answer(() => sendStatus("Ok", "send success"));
    await expect(transport().send(message)).resolves.toEqual({ provider: "tencent", messageId: "2028:abc" });

    const [req] = server.requests;
    expect(req.method).toBe("POST");
    expect(req.url).toBe("/");
    expect(JSON.parse(req.body.toString("utf8"))).toEqual({
      PhoneNumberSet: ["+8613800138000"], SmsSdkAppId: "1400000001", SignName: "云签署", TemplateId: "1002",
      TemplateParamSet: ["123456", "5"],
    });
    expect(req.headers).toMatchObject({
      "content-type": "application/json; charset=utf-8", "x-tc-action": "SendSms", "x-tc-version": "2021-01-11",
      "x-tc-region": "ap-guangzhou", "x-tc-timestamp": String(NOW / 1000),
    });
    expect(req.headers.authorization).toContain(`Credential=${SECRET_ID}/2026-12-04/sms/tc3_request, SignedHeaders=content-type;host;x-tc-action,`);
  });

  it("is rejected by the fake server when signed with the wrong key (the check is real)", async () => {
    answer(() => sendStatus("Ok"));
    const error = await failure(transport({ secretKey: "wrong" }).send(message));
    expect(error.code).toBe("SMS_PROVIDER_FAILED");
    expect(error.params).toEqual({ providerCode: "AuthFailure.SignatureFailure" });
  });

  it("treats a per-number failure inside a successful request as a provider failure", async () => {
    answer(() => sendStatus("FailedOperation.PhoneNumberInBlacklist", "phone number in black list"));
    const error = await failure(transport().send(message));
    expect(error.code).toBe("SMS_PROVIDER_FAILED");
    expect(error.params.providerCode).toBe("FailedOperation.PhoneNumberInBlacklist");
    expect(error.message).toContain("req-1");
  });

  it("accepts only the exact-case Ok", async () => {
    answer(() => sendStatus("OK"));
    expect((await failure(transport().send(message))).code).toBe("SMS_PROVIDER_FAILED");
  });

  it("maps per-number LimitExceeded codes to RATE_LIMITED", async () => {
    answer(() => sendStatus("LimitExceeded.PhoneNumberDailyLimit"));
    const error = await failure(transport().send(message));
    expect(error.code).toBe("RATE_LIMITED");
    expect(error.params.providerCode).toBe("LimitExceeded.PhoneNumberDailyLimit");
  });

  it("maps a whole-request error to SMS_PROVIDER_FAILED", async () => {
    answer(() => wholeError("FailedOperation.TemplateIncorrectOrUnapproved"));
    const error = await failure(transport().send(message));
    expect(error.code).toBe("SMS_PROVIDER_FAILED");
    expect(error.params.providerCode).toBe("FailedOperation.TemplateIncorrectOrUnapproved");
  });

  it.each(["LimitExceeded.AppDailyLimit", "RequestLimitExceeded"])("maps whole-request %s to RATE_LIMITED", async (code) => {
    answer(() => wholeError(code));
    expect((await failure(transport().send(message))).code).toBe("RATE_LIMITED");
  });

  it("maps HTTP 5xx without a Tencent body to SMS_PROVIDER_FAILED", async () => {
    answer(() => ({ status: 502, body: "<html>Bad Gateway</html>" }));
    const error = await failure(transport().send(message));
    expect(error.code).toBe("SMS_PROVIDER_FAILED");
    expect(error.params.providerCode).toBe("HTTP_502");
  });

  it("rejects a 200 without SendStatusSet as malformed", async () => {
    answer(() => json({ Response: { RequestId: "req-3" } }));
    expect((await failure(transport().send(message))).params.providerCode).toBe("MALFORMED_RESPONSE");
  });

  it("gives up after the timeout when the provider never answers", async () => {
    answer(() => "hang");
    const started = Date.now();
    const error = await failure(transport({ timeoutMs: 200 }).send(message));
    expect(error.code).toBe("SMS_PROVIDER_FAILED");
    expect(error.params.providerCode).toBe("TIMEOUT");
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("reports an unreachable endpoint as a network failure", async () => {
    const closed = await startFakeProvider();
    await closed.close();
    const error = await failure(transport({ endpoint: closed.endpoint }).send(message));
    expect(error.params.providerCode).toBe("NETWORK");
  });
});
