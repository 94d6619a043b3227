import { describe, expect, it } from "vitest";
import { percentEncodeRfc3986, signAcs3Request } from "./sign-acs3";

const EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

describe("signAcs3Request", () => {
  it("reproduces the official RunInstances vector (e521358f…)", () => {
    const signed = signAcs3Request({
      accessKeyId: "YourAccessKeyId",
      accessKeySecret: "YourAccessKeySecret",
      method: "POST",
      host: "ecs.cn-shanghai.aliyuncs.com",
      // Deliberately unsorted: the signer must sort.
      query: { RegionId: "cn-shanghai", ImageId: "win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd" },
      headers: {
        "x-acs-action": "RunInstances",
        "x-acs-version": "2014-05-26",
        "x-acs-date": "2023-10-26T09:01:01Z",
        "x-acs-signature-nonce": "d410180a5abf7fe235dd9b74aca91fc0",
      },
    });

    expect(signed.canonicalRequest).toBe(
      [
        "POST",
        "/",
        "ImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd&RegionId=cn-shanghai",
        "host:ecs.cn-shanghai.aliyuncs.com\nx-acs-action:RunInstances\n" +
          `x-acs-content-sha256:${EMPTY_SHA256}\nx-acs-date:2023-10-26T09:01:01Z\n` +
          "x-acs-signature-nonce:d410180a5abf7fe235dd9b74aca91fc0\nx-acs-version:2014-05-26\n",
        "host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version",
        EMPTY_SHA256,
      ].join("\n"),
    );
    expect(signed.authorization).toBe(
      "ACS3-HMAC-SHA256 Credential=YourAccessKeyId," +
        "SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version," +
        "Signature=e521358f7776c97df52e6b2891a8bc73026794a071b50c3323388c4e0df64804",
    );
    expect(signed.headers["x-acs-content-sha256"]).toBe(EMPTY_SHA256);
    expect(signed.headers.authorization).toBe(signed.authorization);
    expect(signed.headers).not.toHaveProperty("host");
  });

  it("builds the SendSms canonical query string from the spec example", () => {
    const signed = signAcs3Request({
      accessKeyId: "id",
      accessKeySecret: "secret",
      method: "POST",
      host: "dysmsapi.aliyuncs.com",
      query: {
        TemplateParam: '{"code":"1234"}',
        TemplateCode: "SMS_154950909",
        SignName: "阿里云短信测试",
        PhoneNumbers: "13800138000",
      },
      headers: { "X-Acs-Action": "SendSms", "Content-Type": " application/json ", Accept: "application/json" },
    });
    expect(signed.canonicalQueryString).toBe(
      "PhoneNumbers=13800138000&SignName=%E9%98%BF%E9%87%8C%E4%BA%91%E7%9F%AD%E4%BF%A1%E6%B5%8B%E8%AF%95" +
        "&TemplateCode=SMS_154950909&TemplateParam=%7B%22code%22%3A%221234%22%7D",
    );
    // Names lower-cased, values trimmed, non-signable headers (accept) passed through unsigned.
    expect(signed.canonicalRequest).toContain("\ncontent-type:application/json\nhost:dysmsapi.aliyuncs.com\nx-acs-action:SendSms\n");
    expect(signed.authorization).toContain("SignedHeaders=content-type;host;x-acs-action;x-acs-content-sha256,");
    expect(signed.headers.accept).toBe("application/json");
  });

  it("hashes a non-empty body", () => {
    const signed = signAcs3Request({
      accessKeyId: "id", accessKeySecret: "secret", method: "post", host: "h", query: {}, headers: {}, body: "abc",
    });
    expect(signed.headers["x-acs-content-sha256"]).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(signed.canonicalRequest.startsWith("POST\n/\n\n")).toBe(true);
  });
});

describe("percentEncodeRfc3986", () => {
  it("keeps only unreserved characters literal", () => {
    expect(percentEncodeRfc3986("a b*c~d-_.")).toBe("a%20b%2Ac~d-_.");
    expect(percentEncodeRfc3986("!'()+/=&")).toBe("%21%27%28%29%2B%2F%3D%26");
    expect(percentEncodeRfc3986("云")).toBe("%E4%BA%91");
  });
});
