import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signTc3Request } from "./sign-tc3";

const sha256Hex = (s: string) => createHash("sha256").update(s, "utf8").digest("hex");

// Official vector from Tencent's "签名方法 v3" page (CVM DescribeInstances).
// The payload is Python's json.dumps output, so the \u escapes are literal text.
const vector = {
  secretId: "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE",
  secretKey: "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE",
  service: "cvm",
  host: "cvm.tencentcloudapi.com",
  action: "DescribeInstances",
  timestamp: 1551113065,
  payload: String.raw`{"Limit": 1, "Filters": [{"Values": ["\u672a\u547d\u540d"], "Name": "instance-name"}]}`,
};

describe("signTc3Request", () => {
  it("reproduces the official vector with the 2-header variant", () => {
    const signed = signTc3Request({ ...vector, signedHeaders: "content-type;host" });

    expect(signed.canonicalRequest).toBe(
      "POST\n/\n\ncontent-type:application/json; charset=utf-8\nhost:cvm.tencentcloudapi.com\n\n" +
        "content-type;host\n35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064",
    );
    expect(sha256Hex(signed.canonicalRequest)).toBe("5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031");
    expect(signed.stringToSign).toBe(
      "TC3-HMAC-SHA256\n1551113065\n2019-02-25/cvm/tc3_request\n" +
        "5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031",
    );
    expect(signed.authorization).toBe(
      "TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, " +
        "SignedHeaders=content-type;host, " +
        "Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168",
    );
    expect(signed.headers).toEqual({
      Authorization: signed.authorization,
      "Content-Type": "application/json; charset=utf-8",
      "X-TC-Action": "DescribeInstances",
      "X-TC-Timestamp": "1551113065",
    });
  });

  it("signs the lower-cased action by default (3-header variant)", () => {
    const signed = signTc3Request(vector);
    expect(signed.canonicalRequest).toContain(
      "host:cvm.tencentcloudapi.com\nx-tc-action:describeinstances\n\ncontent-type;host;x-tc-action\n",
    );
    expect(signed.authorization).toContain("SignedHeaders=content-type;host;x-tc-action, Signature=");
    expect(signed.authorization).not.toContain("72e494ea");
  });

  it("hashes the UTF-8 bytes of non-ASCII payloads and uses the UTC date", () => {
    const payload = '{"SignName":"云签署"}';
    // 1551139199 is 2019-02-25T23:59:59Z — 2019-02-26 in Beijing, still 02-25 in the scope.
    const signed = signTc3Request({ ...vector, payload, timestamp: 1551139199 });
    expect(signed.canonicalRequest.endsWith(`\n${sha256Hex(payload)}`)).toBe(true);
    expect(signed.stringToSign.split("\n")[2]).toBe("2019-02-25/cvm/tc3_request");
  });

  it("rejects millisecond or fractional timestamps", () => {
    expect(() => signTc3Request({ ...vector, timestamp: 1551113065.5 })).toThrow(TypeError);
  });
});
