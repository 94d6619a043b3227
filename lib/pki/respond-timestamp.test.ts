import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { bool, integer, octets, oid, seq } from "./asn1/der";
import { OID_TSA_POLICY } from "./asn1/oids";
import { requestTimestamp } from "./request-timestamp";
import { createTimestampResponder, type TimestampResponder } from "./respond-timestamp";
import { createFixture, openssl, type Fixture } from "./test-support";
import { toPem } from "./x509/parse-certificate";

let f: Fixture;
let tsa: TimestampResponder;
let dataPath: string;
let untrusted: string;

beforeAll(async () => {
  f = await createFixture();
  tsa = createTimestampResponder({ ca: f.ca });
  dataPath = f.file("document.pdf", "%PDF-1.7 pretend this is a document\n");
  untrusted = f.file("untrusted.pem", toPem(f.ca.issuing.der) + toPem(f.ca.tsa.der));
});

function answer(name: string, query: Buffer) {
  return f.file(`${name}.tsr`, tsa.respond(query));
}

describe("TSA responder", () => {
  for (const alg of ["sha256", "sha384", "sha512"]) {
    it(`answers an openssl ${alg} query with a token that openssl ts -verify accepts`, () => {
      const q = join(f.dir, `${alg}.tsq`);
      expect(openssl(["ts", "-query", "-data", dataPath, `-${alg}`, "-cert", "-out", q]).status).toBe(0);
      const reply = answer(alg, readFileSync(q));
      const v = openssl(["ts", "-verify", "-data", dataPath, "-in", reply, "-CAfile", f.rootPem, "-untrusted", untrusted]);
      expect(v.out).toContain("Verification: OK");
      // also against the query itself: imprint and nonce must match
      const vq = openssl(["ts", "-verify", "-queryfile", q, "-in", reply, "-CAfile", f.rootPem, "-untrusted", untrusted]);
      expect(vq.out).toContain("Verification: OK");
      const text = openssl(["ts", "-reply", "-in", reply, "-text"]).stdout;
      expect(text).toContain("Status: Granted.");
      expect(text).toContain(`Policy OID: ${OID_TSA_POLICY}`);
      expect(text).toMatch(/Accuracy: 0x01 seconds/);
      expect(text).toMatch(/Nonce: 0x[0-9A-F]+/);
    });
  }

  it("omits the TSA certificate when certReq is false and includes it when true", () => {
    const q = join(f.dir, "nocert.tsq");
    openssl(["ts", "-query", "-data", dataPath, "-sha256", "-out", q]);
    const reply = answer("nocert", readFileSync(q));
    const withoutCert = openssl(["ts", "-verify", "-data", dataPath, "-in", reply, "-CAfile", f.rootPem, "-untrusted", f.issuingPem]);
    expect(withoutCert.out).not.toContain("Verification: OK"); // the signer certificate is not in the token
    const ok = openssl(["ts", "-verify", "-data", dataPath, "-in", reply, "-CAfile", f.rootPem, "-untrusted", untrusted]);
    expect(ok.out).toContain("Verification: OK");
  });

  it("gives every token a distinct serial", () => {
    const q = readFileSync(join(f.dir, "sha256.tsq"));
    const serials = new Set<string>();
    for (let i = 0; i < 5; i++) {
      const text = openssl(["ts", "-reply", "-in", answer(`s${i}`, q), "-text"]).stdout;
      serials.add(/Serial number: (\S+)/.exec(text)![1]);
    }
    expect(serials.size).toBe(5);
  });

  it("carries ESS signingCertificateV2, contentType TSTInfo and messageDigest in the signed attributes", () => {
    const reply = join(f.dir, "sha256.tsr");
    const token = join(f.dir, "sha256.tok");
    openssl(["ts", "-reply", "-in", reply, "-token_out", "-out", token]);
    const dump = openssl(["cms", "-cmsout", "-print", "-inform", "DER", "-in", token]).stdout;
    expect(dump).toContain("id-smime-aa-signingCertificateV2");
    expect(dump).toContain("id-smime-ct-TSTInfo");
    expect(dump).toContain("messageDigest");
  });

  it("rejects an unknown hash algorithm with badAlg", () => {
    const md5Query = seq(integer(1), seq(seq(oid("1.2.840.113549.2.5")), octets(createHash("md5").update("x").digest())), bool(true));
    const text = openssl(["ts", "-reply", "-in", answer("md5", md5Query), "-text"]).stdout;
    expect(text).toContain("Status: Rejected");
    expect(text).toContain("unrecognized or unsupported algorithm identifier");
  });

  it("rejects garbage, truncated and oversized queries with badDataFormat, never throwing", () => {
    const valid = readFileSync(join(f.dir, "sha256.tsq"));
    for (const [i, bad] of [Buffer.from("garbage!"), valid.subarray(0, 20), Buffer.alloc(0), Buffer.alloc(50_000, 0x30)].entries()) {
      const text = openssl(["ts", "-reply", "-in", answer(`bad${i}`, bad), "-text"]).stdout;
      expect(text).toContain("Status: Rejected");
      expect(text).toContain("the data submitted has the wrong format");
    }
  });

  it("rejects a wrong digest length and a foreign policy", () => {
    const shortDigest = seq(integer(1), seq(seq(oid("2.16.840.1.101.3.4.2.1")), octets(Buffer.alloc(20))));
    expect(openssl(["ts", "-reply", "-in", answer("short", shortDigest), "-text"]).stdout).toContain("wrong format");
    const q = join(f.dir, "policy.tsq");
    openssl(["ts", "-query", "-data", dataPath, "-sha256", "-tspolicy", "1.2.3.4", "-out", q]);
    expect(openssl(["ts", "-reply", "-in", answer("policy", readFileSync(q)), "-text"]).stdout).toContain("policy");
  });
});

describe("requestTimestamp (client)", () => {
  const viaResponder = (mutate?: (b: Buffer) => Buffer): typeof fetch =>
    (async (_url: string | URL | Request, init?: RequestInit) => {
      const reply = tsa.respond(Buffer.from(init!.body as Uint8Array));
      return new Response(new Uint8Array(mutate ? mutate(reply) : reply), { status: 200, headers: { "content-type": "application/timestamp-reply" } });
    }) as typeof fetch;

  it("returns a token (ContentInfo) that openssl verifies against the data", async () => {
    const digest = createHash("sha256").update(readFileSync(dataPath)).digest();
    const token = await requestTimestamp({ digest, url: "http://tsa.test/", fetch: viaResponder() });
    const tokPath = f.file("client.tok", token);
    const v = openssl(["ts", "-verify", "-data", dataPath, "-in", tokPath, "-token_in", "-CAfile", f.rootPem, "-untrusted", untrusted]);
    expect(v.out).toContain("Verification: OK");
  });

  it("fails with TSA_FAILED on rejection, garbage and HTTP errors", async () => {
    const digest = createHash("sha256").update("x").digest();
    await expect(requestTimestamp({ digest, url: "http://tsa.test/", fetch: viaResponder(() => Buffer.from("nope")) })).rejects.toMatchObject({ code: "TSA_FAILED" });
    const http500 = (async () => new Response("down", { status: 500 })) as unknown as typeof fetch;
    await expect(requestTimestamp({ digest, url: "http://tsa.test/", fetch: http500 })).rejects.toMatchObject({ code: "TSA_FAILED" });
    // a reply for some other query (replayed) has the wrong nonce and imprint
    const other = readFileSync(join(f.dir, "sha256.tsr"));
    await expect(requestTimestamp({ digest, url: "http://tsa.test/", fetch: viaResponder(() => other) })).rejects.toMatchObject({
      code: "TSA_FAILED",
    });
  });
});
