import { createPrivateKey } from "node:crypto";
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, test } from "vitest";
import { isAppError } from "@/lib/errors";
import { signPdf, verifyPdf } from "./index";
import { generatePdf } from "./test-support/generate-pdf";
import { opensslTimestamper } from "./test-support/openssl-tsa";
import { aliceSigner, mintSigner, ROOT_PEM, signerFrom, TESTDATA } from "./test-support/test-pki";
import { validatePdf } from "./test-support/validate";
import { CORPUS } from "./test-support/shared-dir";

const roots = () => [readFileSync(ROOT_PEM, "utf8")];
const latin1 = (b: Uint8Array) => Buffer.from(b).toString("latin1");
const png1x1 = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");

async function expectCode(p: Promise<unknown>, code: string) {
  const e = await p.then(() => undefined, (x: unknown) => x);
  expect(isAppError(e), `expected AppError ${code}, got ${String(e)}`).toBe(true);
  expect((e as { code: string }).code).toBe(code);
}

let plain: Uint8Array;
beforeAll(async () => {
  plain = await generatePdf({ pages: 3 });
});

describe("signPdf: incremental update and PAdES structure", () => {
  test("keeps the input as exact prefix, ByteRange exact, gap = the hex string", async () => {
    const r = await signPdf(plain, { signer: aliceSigner() });
    expect(Buffer.from(r.pdf.subarray(0, plain.length)).equals(Buffer.from(plain))).toBe(true);
    const [a, b, c, d] = r.byteRange;
    expect(a).toBe(0);
    expect(c + d).toBe(r.pdf.length);
    expect(r.pdf[b]).toBe(0x3c);
    expect(r.pdf[c - 1]).toBe(0x3e);
    expect(/^[0-9A-F]+$/.test(latin1(r.pdf.subarray(b + 1, c - 1)))).toBe(true);
    const text = latin1(r.pdf.subarray(plain.length));
    expect(text).toContain("/SubFilter /ETSI.CAdES.detached");
    expect(text).toMatch(/\/Prev \d+/);
    expect(text).toContain("xref"); // classic input → classic table
    expect(text).not.toContain("/Version"); // already a 1.7 file: the catalog is left alone
    const v = await verifyPdf(r.pdf, { trustedRoots: roots() });
    expect(v.signatures).toHaveLength(1);
    expect(v.signatures[0]).toMatchObject({ fieldName: "Signature1", valid: true, coversWholeFile: true, changesAfter: "none" });
    expect(v.signatures[0].chain.status).toBe("trusted");
    expect(v.signatures[0].signer?.subject).toContain("Alice Signer");
  });

  test("xref-stream input gets an xref stream; the CMS has no signingTime and has signingCertificateV2", async () => {
    const input = await generatePdf({ pages: 2, objectStreams: true });
    const r = await signPdf(input, { signer: aliceSigner(), signingTime: new Date("2026-01-02T03:04:05Z") });
    const tail = latin1(r.pdf.subarray(input.length));
    expect(tail).toContain("/Type /XRef");
    expect(tail).not.toMatch(/\nxref\n/);
    expect(tail).toContain("/M (D:20260102030405+00'00')");
    const v = await verifyPdf(r.pdf);
    expect(v.signatures[0].valid).toBe(true);
    expect(v.signatures[0].signingTime?.toISOString()).toBe("2026-01-02T03:04:05.000Z");
    const cmsHex = latin1(r.pdf.subarray(r.byteRange[1] + 1, r.byteRange[2] - 1));
    expect(cmsHex).not.toContain("06092A864886F70D010905"); // signingTime OID
    expect(cmsHex).toContain("060B2A864886F70D010910022F"); // signingCertificateV2 OID
  });

  test("B-T: a time-stamp from an independent TSA (openssl ts) is embedded and validates", async () => {
    const r = await signPdf(plain, { signer: aliceSigner(), timestamp: opensslTimestamper() });
    const v = await verifyPdf(r.pdf, { trustedRoots: roots() });
    expect(v.signatures[0].timestamp?.valid).toBe(true);
    expect(v.signatures[0].timestamp?.chain.status).toBe("trusted"); // test TSA cert is issued by the test root
    expect(Math.abs(v.signatures[0].timestamp!.time.getTime() - Date.now())).toBeLessThan(60_000);
    const res = await validatePdf(r.pdf, { original: plain, expect: 1 });
    expect(res.output).toMatch(/sig-TS ok/);
    expect(res.code, res.output).toBe(0);
  });

  test("EC (P-256) signer, also when it returns raw r‖s instead of DER", async () => {
    const ec = mintSigner("Ec Signer", "ec");
    const { children, readNode } = await import("./cms/der");
    const to32 = (v: Uint8Array) => { const x = v.subarray(Math.max(0, v.length - 32)); return Uint8Array.from([...new Uint8Array(32 - x.length), ...x]); };
    const rawSigner = { ...ec, sign: async (d: Uint8Array) => {
      const [r, s] = children(readNode(await ec.sign(d, "sha256"))).map((n) => to32(n.value));
      return Uint8Array.from([...r, ...s]); // IEEE P1363 r‖s, as WebCrypto returns it
    } };
    const raw = await signPdf(plain, { signer: rawSigner });
    expect((await verifyPdf(raw.pdf)).signatures[0].valid).toBe(true);
    const r = await signPdf(plain, { signer: ec });
    const v = await verifyPdf(r.pdf, { trustedRoots: roots() });
    expect(v.signatures[0]).toMatchObject({ valid: true });
    expect(v.signatures[0].chain.status).toBe("trusted");
  });

  test("old files (PDF 1.2) get /Version 1.7 in the catalog", async () => {
    const old = new Uint8Array(readFileSync(`${CORPUS}/debian/pixel.pdf`));
    const r = await signPdf(old, { signer: aliceSigner() });
    expect(latin1(r.update)).toMatch(/\/Version \/1\.7/);
    const res = await validatePdf(r.pdf, { original: old, expect: 1 });
    expect(res.code, res.output).toBe(0);
  });

  test("field names are unique; an existing name is refused", async () => {
    const one = await signPdf(plain, { signer: aliceSigner() });
    const two = await signPdf(one.pdf, { signer: aliceSigner() });
    expect(two.fieldName).toBe("Signature2");
    await expectCode(signPdf(two.pdf, { signer: aliceSigner(), fieldName: "Signature1" }), "PDF_FIELD_NAME_TAKEN");
    const named = await signPdf(two.pdf, { signer: aliceSigner(), fieldName: "审批人签字" });
    const v = await verifyPdf(named.pdf);
    expect(v.signatures.map((s) => s.fieldName)).toEqual(["Signature1", "Signature2", "审批人签字"]);
    expect(v.signatures.map((s) => s.changesAfter)).toEqual(["signatures-only", "signatures-only", "none"]);
  });
});

describe("certification (DocMDP)", () => {
  test("P=2 certification, then approval signatures stay valid", async () => {
    const c = await signPdf(plain, { signer: aliceSigner(), certify: true });
    const s = await signPdf(c.pdf, { signer: mintSigner("Bob") });
    const v = await verifyPdf(s.pdf, { trustedRoots: roots() });
    expect(v.signatures[0].certification).toBe(2);
    expect(v.signatures.every((x) => x.valid)).toBe(true);
    expect(v.signatures[0].changesAfter).toBe("signatures-only");
    const res = await validatePdf(s.pdf, { original: c.pdf, expect: 2 });
    expect(res.code, res.output).toBe(0);
  });

  test("P=1 documents are refused; certifying a signed document is refused", async () => {
    const locked = await signPdf(plain, { signer: aliceSigner(), certify: { permission: 1 } });
    await expectCode(signPdf(locked.pdf, { signer: aliceSigner() }), "PDF_CERTIFIED_NO_CHANGES");
    const signed = await signPdf(plain, { signer: aliceSigner() });
    await expectCode(signPdf(signed.pdf, { signer: aliceSigner(), certify: true }), "PDF_CERTIFY_NOT_FIRST");
  });
});

describe("bad input gives a clear AppError and no output", () => {
  const s = () => aliceSigner();
  test("not a PDF, empty, truncated", async () => {
    await expectCode(signPdf(new TextEncoder().encode("hello world, not a pdf"), { signer: s() }), "PDF_INVALID");
    await expectCode(signPdf(new Uint8Array(0), { signer: s() }), "PDF_INVALID");
    await expectCode(signPdf(plain.subarray(0, Math.floor(plain.length * 0.6)), { signer: s() }), "PDF_DAMAGED");
  });
  test("broken xref offsets", async () => {
    const broken = Buffer.from(plain);
    const text = broken.toString("latin1");
    const at = text.lastIndexOf("startxref") + 10;
    broken.write("0000099", at, "latin1");
    await expectCode(signPdf(new Uint8Array(broken), { signer: s() }), "PDF_DAMAGED");
  });
  test("needs a password", async () => {
    const enc = new Uint8Array(readFileSync(`${CORPUS}/pdfjs/issue3371.pdf`));
    await expectCode(signPdf(enc, { signer: s() }), "PDF_PASSWORD_REQUIRED");
  });
  test("page and rectangle outside the page", async () => {
    await expectCode(signPdf(plain, { signer: s(), placement: { page: 4, rect: { x: 0, y: 0, width: 10, height: 10 } } }), "PDF_PAGE_OUT_OF_RANGE");
    await expectCode(signPdf(plain, { signer: s(), placement: { page: 1, rect: { x: 500, y: 0, width: 200, height: 10 } } }), "PDF_RECT_OUT_OF_PAGE");
    await expectCode(signPdf(plain, { signer: s(), placement: { page: 1, rect: { x: 0, y: 0, width: -1, height: 10 } } }), "PDF_RECT_OUT_OF_PAGE");
  });
  test("oversize or invalid appearance image", async () => {
    const big = Buffer.from(png1x1);
    big.writeUInt32BE(10000, 16); // IHDR width
    const placement = { page: 1, rect: { x: 10, y: 10, width: 100, height: 50 } };
    await expectCode(signPdf(plain, { signer: s(), placement, appearance: { name: "x", png: big } }), "PDF_IMAGE_TOO_LARGE");
    await expectCode(signPdf(plain, { signer: s(), placement, appearance: { name: "x", png: new Uint8Array(100) } }), "PDF_IMAGE_INVALID");
  });
  test("certificate not matching the key", async () => {
    const other = createPrivateKey(readFileSync(`${TESTDATA}/tsa.key`));
    await expectCode(signPdf(plain, { signer: signerFrom(other, aliceSigner().certificateChain) }), "PDF_CERT_KEY_MISMATCH");
  });
  test("absurd nesting does not crash", async () => {
    const deep = "[".repeat(200_000);
    const pdf = `%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R /X ${deep} >>\nendobj\n`;
    const xrefAt = pdf.length;
    const bytes = new TextEncoder().encode(`${pdf}xref\n0 2\n0000000000 65535 f \n0000000009 00000 n \ntrailer\n<< /Size 2 /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`);
    await expectCode(signPdf(bytes, { signer: s() }), "PDF_DAMAGED");
  });
});

test("visible signature with PNG keeps the SMask and embeds a subset CJK font", async () => {
  const r = await signPdf(plain, { signer: aliceSigner(), placement: { page: 2, rect: { x: 50, y: 50, width: 200, height: 80 } }, appearance: { png: png1x1, name: "张三" } });
  const tail = latin1(r.pdf.subarray(plain.length));
  expect(tail).toContain("/SMask");
  expect(tail).toContain("/CIDFontType2");
  expect(tail).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC/);
  expect(tail).toContain("/ToUnicode");
  expect(r.pdf.length - plain.length).toBeLessThan(60_000); // a subset, not the 10 MB font
});

describe("signing files signed by other implementations", () => {
  test.each([
    ["signed2.pdf", 2], // pyHanko, adbe.pkcs7.detached + PAdES
    ["signed-bt-docts.pdf", 2], // PAdES B-T + document time-stamp
    ["signed-poppler.pdf", 1], // poppler/NSS
    ["signed-encrypted.pdf", 1], // AES-256 encrypted and signed
  ] as const)("%s keeps its %i signature(s) valid", async (file, n) => {
    const input = new Uint8Array(readFileSync(`${TESTDATA}/${file}`));
    const r = await signPdf(input, { signer: mintSigner("Carol"), placement: { page: 1, rect: { x: 300, y: 600, width: 180, height: 70 } }, appearance: { name: "卡罗尔" } });
    const v = await verifyPdf(r.pdf, { trustedRoots: roots() });
    expect(v.signatures.map((s) => s.valid)).toEqual(Array(n + 1).fill(true));
    expect(v.signatures.slice(0, -1).map((s) => s.changesAfter)).toEqual(Array(n).fill("signatures-only"));
    const res = await validatePdf(r.pdf, { original: input, expect: n + 1 });
    expect(res.code, res.output).toBe(0);
  });
});

test("the CMS verifies with OpenSSL (independent CMS implementation) over the signed byte ranges", async () => {
  const { execFileSync } = await import("node:child_process");
  const { mkdtempSync, writeFileSync } = await import("node:fs");
  const { join } = await import("node:path");
  const { tmpdir } = await import("node:os");
  const r = await signPdf(plain, { signer: aliceSigner(), timestamp: opensslTimestamper() });
  const [, b, c] = r.byteRange;
  const dir = mkdtempSync(join(tmpdir(), "pdf-cms-"));
  writeFileSync(join(dir, "content.bin"), Buffer.concat([r.pdf.subarray(0, b), r.pdf.subarray(c)]));
  const hex = latin1(r.pdf.subarray(b + 1, c - 1)).replace(/(00)+$/, "");
  writeFileSync(join(dir, "sig.der"), Buffer.from(hex.length % 2 ? hex + "0" : hex, "hex"));
  const out = execFileSync("openssl", ["cms", "-verify", "-binary", "-inform", "DER", "-in", join(dir, "sig.der"), "-content", join(dir, "content.bin"),
    "-CAfile", ROOT_PEM, "-purpose", "any", "-out", "/dev/null"], { stdio: "pipe" });
  void out;
  const printed = execFileSync("openssl", ["cms", "-cmsout", "-print", "-inform", "DER", "-in", join(dir, "sig.der")]).toString();
  expect(printed).toContain("id-smime-aa-signingCertificateV2");
  expect(printed).toContain("id-smime-aa-timeStampToken");
  // Only the TSA's own token may carry signingTime; our signed attributes are exactly three.
  const ours = printed.slice(0, printed.indexOf("id-smime-aa-timeStampToken"));
  expect(ours).not.toContain("signingTime");
  expect(ours.match(/object: /g)?.length).toBeGreaterThanOrEqual(3);
});
