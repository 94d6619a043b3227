import { beforeAll, describe, expect, it } from "vitest";
import { OID_CERT_POLICY_PERSONAL } from "./asn1/oids";
import { createFixture, ID_NUMBER, issueFor, openssl, type Fixture } from "./test-support";

let f: Fixture;
beforeAll(async () => {
  f = await createFixture();
});

describe("CA hierarchy", () => {
  it("root and issuing CA verify with openssl", () => {
    const r = openssl(["verify", "-CAfile", f.rootPem, f.issuingPem]);
    expect(r.out).toContain(": OK");
    const text = openssl(["x509", "-in", f.rootPem, "-noout", "-text"]).stdout;
    expect(text).toContain("CA:TRUE");
    expect(text).toMatch(/NIST CURVE: P-384|secp384r1/);
  });

  it("TSA and OCSP certificates have their single-purpose profiles", () => {
    const tsa = openssl(["x509", "-inform", "DER", "-noout", "-text"], f.ca.tsa.der).stdout;
    expect(tsa).toMatch(/X509v3 Extended Key Usage: critical\s+Time Stamping\n/);
    const ocsp = openssl(["x509", "-inform", "DER", "-noout", "-text"], f.ca.ocsp.der).stdout;
    expect(ocsp).toContain("OCSP Signing");
    expect(ocsp).toContain("OCSP No Check");
    const tsaPem = f.file("tsa.pem", openssl(["x509", "-inform", "DER"], f.ca.tsa.der).stdout);
    expect(openssl(["verify", "-CAfile", f.rootPem, "-untrusted", f.issuingPem, "-purpose", "timestampsign", tsaPem]).out).toContain(": OK");
  });
});

describe("issueCertificate", () => {
  it("issues a user certificate that openssl verifies, with the personal profile", async () => {
    const { pem, record } = await issueFor(f, "user-1");
    expect(openssl(["verify", "-CAfile", f.rootPem, "-untrusted", f.issuingPem, pem]).out).toContain(": OK");
    const text = openssl(["x509", "-in", pem, "-noout", "-text", "-nameopt", "utf8,sep_comma_plus_space"]).stdout;
    expect(text).toMatch(/Subject: C=CN, O=中山大学, OU=评审专家, CN=张三, serialNumber=PSN1-[0-9A-F]{32}/);
    expect(text).not.toContain(ID_NUMBER);
    expect(text).toMatch(/X509v3 Key Usage: critical\s+Digital Signature, Non Repudiation\n/);
    expect(text).toContain("1.3.6.1.5.5.7.3.36");
    expect(text).toMatch(/1\.3\.6\.1\.4\.1\.311\.10\.3\.12|Microsoft Document Signing|MS Document Signing/);
    expect(text).toContain("E-mail Protection");
    expect(text).toContain("OCSP - URI:http://localhost:3000/api/pki/ocsp");
    expect(text).toContain("CA Issuers - URI:http://localhost:3000/api/pki/ca");
    expect(text).toContain("URI:http://localhost:3000/api/pki/crl");
    expect(text).toContain(`Policy: ${OID_CERT_POLICY_PERSONAL}`);
    expect(text).toContain("CA:FALSE");
    expect(text).toContain("rsaEncryption");
    expect(text).toContain("Public-Key: (2048 bit)");
    // 128-bit serial
    expect(record.serialHex).toMatch(/^[0-9a-f]{32}$/);
    expect(text.replace(/[\s:]/g, "")).toContain(record.serialHex);
    const validDays = (Date.parse(record.notAfter) - Date.parse(record.notBefore)) / 86400_000;
    expect(Math.round(validDays)).toBe(365);
  });

  it("issues P-256 keys when asked and keeps the same pseudonym for the same person", async () => {
    const a = await issueFor(f, "user-2", { algorithm: "P-256", validityDays: 30 });
    const b = await issueFor(f, "user-3");
    const subj = (pem: string) => openssl(["x509", "-in", pem, "-noout", "-subject", "-nameopt", "RFC2253"]).stdout;
    expect(subj(a.pem).match(/PSN1-\w+/)![0]).toBe(subj(b.pem).match(/PSN1-\w+/)![0]);
    expect(openssl(["x509", "-in", a.pem, "-noout", "-text"]).stdout).toContain("prime256v1");
    expect(openssl(["verify", "-CAfile", f.rootPem, "-untrusted", f.issuingPem, a.pem]).out).toContain(": OK");
  });

  it("renewal supersedes the earlier certificate once the new one exists", async () => {
    const first = await issueFor(f, "user-4");
    const second = await issueFor(f, "user-4");
    expect(second.superseded).toEqual([first.record.serialHex]);
    expect((await f.store.getCertificate(first.record.serialHex))!.reason).toBe("superseded");
    expect((await f.store.getCertificate(second.record.serialHex))!.status).toBe("good");
  });

  it("rejects empty or over-long subject fields without storing anything", async () => {
    const { issueCertificate } = await import("./issue-certificate");
    const { publicKey } = await f.custody.generateKey({ pin: "802417" });
    const before = (await f.store.listCertificatesBySubject("user-5")).length;
    await expect(
      issueCertificate({ ca: f.ca, store: f.store, subjectRef: "user-5", realName: " ", idNumber: ID_NUMBER, organisation: "X", role: "Y", publicKey }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect((await f.store.listCertificatesBySubject("user-5")).length).toBe(before);
  });
});
