import { describe, expect, it } from "vitest";
import { EMPTY_SHA256, sha256Hex, signSigV4 } from "./sign-sigv4";

// Expected values are AWS's published answers, not output of this code:
// the SigV4 test suite (get-vanilla, post-vanilla, get-vanilla-query-order-key-case)
// and the S3 API reference "Signature Calculations for the Authorization
// Header: Transferring Payload in a Single Chunk" (GET Object, PUT Object).
const suite = {
  credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" },
  region: "us-east-1",
  service: "service",
  now: new Date("2015-08-30T12:36:00Z"),
  payloadHash: EMPTY_SHA256,
};
const s3Docs = {
  credentials: { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" },
  region: "us-east-1",
  service: "s3",
  now: new Date("2013-05-24T00:00:00Z"),
};
const suiteAuth = (signature: string) =>
  `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=${signature}`;

describe("signSigV4 against AWS's published vectors", () => {
  it("get-vanilla", () => {
    const h = signSigV4({ ...suite, method: "GET", url: "https://example.amazonaws.com/" });
    expect(h["x-amz-date"]).toBe("20150830T123600Z");
    expect(h.authorization).toBe(suiteAuth("5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"));
    expect(h).not.toHaveProperty("x-amz-content-sha256");
  });

  it("post-vanilla", () => {
    const h = signSigV4({ ...suite, method: "POST", url: "https://example.amazonaws.com/" });
    expect(h.authorization).toBe(suiteAuth("5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b"));
  });

  it("get-vanilla-query-order-key-case sorts the query", () => {
    const h = signSigV4({ ...suite, method: "GET", url: "https://example.amazonaws.com/?Param2=value2&Param1=value1" });
    expect(h.authorization).toBe(suiteAuth("b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500"));
  });

  it("S3 GET Object (ranged) from the S3 documentation", () => {
    const h = signSigV4({
      ...s3Docs,
      method: "GET",
      url: "https://examplebucket.s3.amazonaws.com/test.txt",
      headers: { Range: "bytes=0-9" },
      payloadHash: EMPTY_SHA256,
    });
    expect(h.authorization).toBe(
      "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, " +
        "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, " +
        "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41",
    );
    expect(h["x-amz-content-sha256"]).toBe(EMPTY_SHA256);
  });

  it("S3 PUT Object from the S3 documentation (hashed payload, '$' in the key)", () => {
    const payloadHash = sha256Hex("Welcome to Amazon S3.");
    expect(payloadHash).toBe("44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072");
    const h = signSigV4({
      ...s3Docs,
      method: "PUT",
      url: "https://examplebucket.s3.amazonaws.com/test$file.text",
      headers: { Date: "Fri, 24 May 2013 00:00:00 GMT", "x-amz-storage-class": "REDUCED_REDUNDANCY" },
      payloadHash,
    });
    expect(h.authorization).toBe(
      "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, " +
        "SignedHeaders=date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class, " +
        "Signature=98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd",
    );
  });

  it("changes the signature when the secret changes (a signer that ignores it cannot pass)", () => {
    const a = signSigV4({ ...suite, method: "GET", url: "https://example.amazonaws.com/" });
    const b = signSigV4({
      ...suite,
      credentials: { ...suite.credentials, secretAccessKey: "other" },
      method: "GET",
      url: "https://example.amazonaws.com/",
    });
    expect(a.authorization).not.toBe(b.authorization);
    expect(JSON.stringify(a)).not.toContain(suite.credentials.secretAccessKey);
  });
});
