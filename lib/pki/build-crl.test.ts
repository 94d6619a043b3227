import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { getCurrentCrl } from "./publish-crl";
import { revokeCertificate } from "./revoke-certificate";
import { createFixture, issueFor, openssl, type Fixture } from "./test-support";

let f: Fixture;
beforeAll(async () => {
  f = await createFixture();
});

const crlText = (der: Buffer, name: string) => {
  const p = f.file(name, der);
  return openssl(["crl", "-inform", "DER", "-in", p, "-CAfile", f.chainPem, "-noout", "-text"]);
};

describe("CRL", () => {
  it("an empty CRL verifies and has a number and a 7-day nextUpdate", async () => {
    const der = await getCurrentCrl({ ca: f.ca, store: f.store });
    const r = crlText(der, "empty.crl");
    expect(r.out).toContain("verify OK");
    expect(r.out).toContain("No Revoked Certificates");
    expect(r.out).toMatch(/X509v3 CRL Number: \n\s+1\n/);
    const lastUpdate = Date.parse(/Last Update: (.+)/.exec(r.out)![1]);
    const nextUpdate = Date.parse(/Next Update: (.+)/.exec(r.out)![1]);
    expect(nextUpdate - lastUpdate).toBe(7 * 86400_000);
  });

  it("is reissued on every revocation with a higher number and lists revoked serials with reasons", async () => {
    const a = await issueFor(f, "a");
    const b = await issueFor(f, "b");
    const c = await issueFor(f, "c");
    await revokeCertificate({ ca: f.ca, store: f.store, serialHex: a.record.serialHex, reason: "keyCompromise" });
    await revokeCertificate({ ca: f.ca, store: f.store, serialHex: b.record.serialHex, reason: "unspecified" });
    const der = await getCurrentCrl({ ca: f.ca, store: f.store });
    const r = crlText(der, "two.crl");
    expect(r.out).toContain("verify OK");
    expect(r.out).toMatch(/X509v3 CRL Number: \n\s+3\n/);
    const upper = r.out.replace(/\s/g, "");
    expect(upper).toContain(`SerialNumber:${a.record.serialHex.toUpperCase()}`);
    expect(upper).toContain(`SerialNumber:${b.record.serialHex.toUpperCase()}`);
    expect(upper).not.toContain(c.record.serialHex.toUpperCase());
    expect(r.out).toContain("Key Compromise");
    // openssl verify with CRL checking: the revoked certificate fails, the good one passes
    const crlPem = openssl(["crl", "-inform", "DER", "-in", join(f.dir, "two.crl")]).stdout;
    const crlFile = f.file("two.crl.pem", crlPem);
    const vA = openssl(["verify", "-crl_check", "-CAfile", f.rootPem, "-untrusted", f.issuingPem, "-CRLfile", crlFile, a.pem]);
    expect(vA.out).toContain("certificate revoked");
    const vC = openssl(["verify", "-crl_check", "-CAfile", f.rootPem, "-untrusted", f.issuingPem, "-CRLfile", crlFile, c.pem]);
    expect(vC.out).toContain(": OK");
  });

  it("revoking twice changes nothing; unknown serial is CERT_NOT_FOUND", async () => {
    const d = await issueFor(f, "d");
    expect(await revokeCertificate({ ca: f.ca, store: f.store, serialHex: d.record.serialHex, reason: "cessationOfOperation" })).toEqual({ revoked: true });
    const before = await f.store.getLatestCrl();
    expect(await revokeCertificate({ ca: f.ca, store: f.store, serialHex: d.record.serialHex, reason: "keyCompromise" })).toEqual({ revoked: false });
    expect(await f.store.getLatestCrl()).toEqual(before);
    expect((await f.store.getCertificate(d.record.serialHex))!.reason).toBe("cessationOfOperation");
    await expect(revokeCertificate({ ca: f.ca, store: f.store, serialHex: "abcdef", reason: "keyCompromise" })).rejects.toMatchObject({ code: "CERT_NOT_FOUND" });
  });

  it("serves the stored CRL until it gets old, then reissues", async () => {
    const first = await getCurrentCrl({ ca: f.ca, store: f.store });
    expect((await getCurrentCrl({ ca: f.ca, store: f.store })).equals(first)).toBe(true);
    const later = await getCurrentCrl({ ca: f.ca, store: f.store, now: new Date(Date.now() + 2 * 86400_000) });
    expect(later.equals(first)).toBe(false);
  });
});
