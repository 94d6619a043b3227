import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createOcspResponder, ocspRequestFromGetPath, type OcspResponder } from "./respond-ocsp";
import { revokeCertificate } from "./revoke-certificate";
import { createFixture, issueFor, openssl, type Fixture } from "./test-support";

let f: Fixture;
let responder: OcspResponder;
let good: Awaited<ReturnType<typeof issueFor>>;
let revoked: Awaited<ReturnType<typeof issueFor>>;

beforeAll(async () => {
  f = await createFixture();
  responder = createOcspResponder({ ca: f.ca, store: f.store });
  good = await issueFor(f, "alice");
  revoked = await issueFor(f, "bob");
  await revokeCertificate({ ca: f.ca, store: f.store, serialHex: revoked.record.serialHex, reason: "keyCompromise" });
});

/** openssl builds the request (with a nonce), our responder answers, openssl checks the answer. */
async function roundTrip(name: string, target: string[]) {
  const reqPath = join(f.dir, `${name}.req`);
  const respPath = join(f.dir, `${name}.resp`);
  expect(openssl(["ocsp", "-issuer", f.issuingPem, ...target, "-reqout", reqPath]).status).toBe(0);
  const resp = await responder.respond(readFileSync(reqPath));
  f.file(`${name}.resp`, resp);
  // Signature, chain, delegation (OCSPSigning EKU) and nonce against the original request.
  const verify = openssl(["ocsp", "-reqin", reqPath, "-respin", respPath, "-CAfile", f.rootPem, "-issuer", f.issuingPem]);
  // Status of the specific certificate (a fresh request without nonce, matching our CertID).
  const status = openssl(["ocsp", "-respin", respPath, "-CAfile", f.rootPem, "-issuer", f.issuingPem, ...target, "-no_nonce"]);
  return { verify, status, resp };
}

describe("OCSP responder", () => {
  it("answers good, verified by openssl with the nonce checked", async () => {
    const { verify, status } = await roundTrip("good", ["-cert", good.pem]);
    expect(verify.out).toContain("Response verify OK");
    expect(verify.out).not.toMatch(/nonce/i);
    expect(status.out).toMatch(/: good\n/);
    expect(status.out).toContain("Response verify OK");
  });

  it("openssl rejects a response whose nonce belongs to another request", async () => {
    await roundTrip("other", ["-cert", good.pem]);
    const mixed = openssl(["ocsp", "-reqin", join(f.dir, "good.req"), "-respin", join(f.dir, "other.resp"), "-CAfile", f.rootPem, "-issuer", f.issuingPem]);
    expect(mixed.out).toContain("Nonce Verify error");
  });

  it("answers revoked with time and reason", async () => {
    const { verify, status } = await roundTrip("revoked", ["-serial", "0x" + revoked.record.serialHex]);
    expect(verify.out).toContain("Response verify OK");
    expect(status.out).toMatch(/: revoked\n/);
    expect(status.out).toContain("Reason: keyCompromise");
    expect(status.out).toContain("Revocation Time:");
  });

  it("answers unknown for a serial we never issued", async () => {
    const { status } = await roundTrip("unknown", ["-serial", "0x0123456789abcdef"]);
    expect(status.out).toMatch(/: unknown\n/);
    expect(status.out).toContain("Response verify OK");
  });

  it("vouches for its own TSA certificate", async () => {
    const tsaPem = f.file("tsa.pem", openssl(["x509", "-inform", "DER"], f.ca.tsa.der).stdout);
    const { status } = await roundTrip("tsa", ["-cert", tsaPem]);
    expect(status.out).toMatch(/: good\n/);
  });

  it("names the responder by key and echoes the nonce", async () => {
    const { resp } = await roundTrip("text", ["-cert", good.pem]);
    const text = openssl(["ocsp", "-respin", f.file("text2.resp", resp), "-resp_text", "-noverify"]).stdout;
    expect(text).toMatch(/Responder Id: [0-9A-F]{40}/);
    expect(text).toContain("OCSP Nonce");
  });

  it("returns malformedRequest for garbage, truncation and oversize, without throwing", async () => {
    const reqPath = join(f.dir, "good.req");
    const valid = readFileSync(reqPath);
    for (const bad of [Buffer.alloc(0), Buffer.from("hello"), valid.subarray(0, valid.length - 3), Buffer.alloc(100_000, 0x30)]) {
      const resp = await responder.respond(bad);
      expect(resp.toString("hex")).toBe("30030a0101"); // OCSPResponse { malformedRequest }
      const parsed = openssl(["ocsp", "-respin", f.file("bad.resp", resp), "-resp_text", "-noverify"]);
      expect(parsed.out).toContain("malformedrequest");
    }
  });

  it("accepts SHA-256 CertIDs", async () => {
    const reqPath = join(f.dir, "sha256.req");
    expect(openssl(["ocsp", "-sha256", "-issuer", f.issuingPem, "-cert", good.pem, "-reqout", reqPath]).status).toBe(0);
    const respPath = f.file("sha256.resp", await responder.respond(readFileSync(reqPath)));
    const r = openssl(["ocsp", "-reqin", reqPath, "-respin", respPath, "-CAfile", f.rootPem, "-resp_text"]);
    expect(r.out).toContain("Hash Algorithm: sha256");
    expect(r.out).toContain("Cert Status: good");
    expect(r.out).toContain("Response verify OK");
  });

  it("answers internalError when the store fails, without throwing", async () => {
    const broken = { ...f.store, getCertificate: async () => Promise.reject(new Error("db down")) } as unknown as typeof f.store;
    const resp = await createOcspResponder({ ca: f.ca, store: broken }).respond(readFileSync(join(f.dir, "good.req")));
    expect(resp.toString("hex")).toBe("30030a0102");
  });

  it("decodes the GET form", () => {
    const der = readFileSync(join(f.dir, "good.req"));
    expect(ocspRequestFromGetPath(encodeURIComponent(der.toString("base64")))!.equals(der)).toBe(true);
    expect(ocspRequestFromGetPath("%%%")).toBeNull();
  });
});
