import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, launchBrowser, phoneContext, screenshot } from "../helpers/browser";
import { drawSignature, registerViaUi } from "../helpers/register";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function caFiles() {
  const dir = mkdtempSync(join(tmpdir(), "e2e-ca-"));
  const pem = await (await fetch(`${baseUrl()}/api/pki/ca?format=pem`)).text();
  writeFileSync(join(dir, "chain.pem"), pem);
  const issuing = Buffer.from(await (await fetch(`${baseUrl()}/api/pki/ca`)).arrayBuffer());
  writeFileSync(join(dir, "issuing.der"), issuing);
  execFileSync("openssl", ["x509", "-inform", "DER", "-in", join(dir, "issuing.der"), "-out", join(dir, "issuing.pem")]);
  return dir;
}

describe("signing PIN, certificate and handwritten signature", () => {
  it("a staff member sets a PIN, gets a certificate the OCSP responder knows, and draws a signature", async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await registerViaUi(page, { role: "单位经办人", name: "陈经办" });
    expect(await page.locator('[data-state="current"]').textContent()).toContain("设置签署密码并领取证书");
    await page.getByRole("link", { name: /下一步/ }).click();
    await page.waitForURL(/\/certified$/);
    await screenshot(page, "30-set-pin");

    await page.getByLabel("签署密码", { exact: true }).fill("123456");
    await page.getByLabel("再次输入签署密码").fill("123456");
    await page.getByRole("button", { name: "设置密码并领取证书" }).click();
    await page.getByText("签署密码过于简单，请重新设置。").waitFor();
    await page.getByLabel("签署密码", { exact: true }).fill("8d3k29x");
    await page.getByLabel("再次输入签署密码").fill("8d3k29y");
    await page.getByRole("button", { name: "设置密码并领取证书" }).click();
    await page.getByText("两次输入的签署密码不一致").waitFor();
    await page.getByLabel("再次输入签署密码").fill("8d3k29x");
    await page.getByRole("button", { name: "设置密码并领取证书" }).click();
    await page.getByTestId("certificate-issued").waitFor({ timeout: 30_000 });
    const issued = await page.getByTestId("certificate-issued").textContent();
    expect(issued).toContain("CN=陈经办, O=中山大学, OU=单位经办人");
    const serial = issued!.match(/证书序列号([0-9a-f]{20,})/)?.[1];
    expect(serial).toBeTruthy();
    await screenshot(page, "31-certificate-issued");

    // The certificate is live: our OCSP responder, asked over HTTP by openssl, says good.
    const dir = await caFiles();
    const ocsp = execFileSync("openssl", ["ocsp", "-issuer", join(dir, "issuing.pem"), "-serial", `0x${serial}`, "-url", `${baseUrl()}/api/pki/ocsp`, "-CAfile", join(dir, "chain.pem")], { stdio: ["ignore", "pipe", "pipe"] }).toString();
    expect(ocsp).toContain(`0x${serial}: good`);

    await page.getByRole("link", { name: "下一步：设置手写签名" }).click();
    await page.waitForURL(/\/signature_ready$/);
    await drawSignature(page);
    await screenshot(page, "32-draw-signature");
    await page.getByRole("button", { name: "保存签名" }).click();
    await page.waitForURL(/\/confirm\//);
    await page.getByText("全部步骤已完成，您可以开始签署文件。").waitFor();
    await screenshot(page, "33-onboarding-done");

    await page.goto("/me/signature");
    const img = page.getByTestId("current-signature");
    await img.waitFor();
    expect(await img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 50)).toBe(true);
    await screenshot(page, "34-my-signature");
    await context.close();
  });
});

describe("PKI services over HTTP", () => {
  it("the time-stamp authority answers openssl and the token verifies against our chain", async () => {
    const dir = await caFiles();
    writeFileSync(join(dir, "data.txt"), "云签署 time-stamp check");
    execFileSync("openssl", ["ts", "-query", "-data", join(dir, "data.txt"), "-sha256", "-cert", "-out", join(dir, "q.tsq")]);
    const { readFileSync } = await import("node:fs");
    const res = await fetch(`${baseUrl()}/api/pki/tsa`, { method: "POST", headers: { "content-type": "application/timestamp-query" }, body: readFileSync(join(dir, "q.tsq")) });
    expect(res.headers.get("content-type")).toBe("application/timestamp-reply");
    writeFileSync(join(dir, "r.tsr"), Buffer.from(await res.arrayBuffer()));
    const out = execFileSync("openssl", ["ts", "-verify", "-data", join(dir, "data.txt"), "-in", join(dir, "r.tsr"), "-CAfile", join(dir, "chain.pem")], { stdio: ["ignore", "pipe", "pipe"] }).toString();
    expect(out).toContain("Verification: OK");

    const garbage = await fetch(`${baseUrl()}/api/pki/tsa`, { method: "POST", headers: { "content-type": "application/timestamp-query" }, body: "not DER" });
    expect(garbage.status).toBe(200);
    writeFileSync(join(dir, "bad.tsr"), Buffer.from(await garbage.arrayBuffer()));
    const text = execFileSync("openssl", ["ts", "-reply", "-in", join(dir, "bad.tsr"), "-text"]).toString();
    expect(text).toMatch(/Status: Rejected/);
  });

  it("the CRL verifies and OCSP answers unknown serials and garbage per the protocol", async () => {
    const dir = await caFiles();
    const crl = Buffer.from(await (await fetch(`${baseUrl()}/api/pki/crl`)).arrayBuffer());
    writeFileSync(join(dir, "crl.der"), crl);
    const v = spawnSync("openssl", ["crl", "-inform", "DER", "-in", join(dir, "crl.der"), "-CAfile", join(dir, "chain.pem"), "-noout"]);
    expect(v.status).toBe(0);
    expect(v.stderr.toString() + v.stdout.toString()).toContain("verify OK");
    const unknown = execFileSync("openssl", ["ocsp", "-issuer", join(dir, "issuing.pem"), "-serial", "0x0123456789abcdef", "-url", `${baseUrl()}/api/pki/ocsp`, "-CAfile", join(dir, "chain.pem")], { stdio: ["ignore", "pipe", "pipe"] }).toString();
    expect(unknown).toContain("unknown");
    const garbage = await fetch(`${baseUrl()}/api/pki/ocsp`, { method: "POST", headers: { "content-type": "application/ocsp-request" }, body: "garbage" });
    const der = Buffer.from(await garbage.arrayBuffer());
    // OCSPResponse ::= SEQUENCE { responseStatus ENUMERATED malformedRequest(1) }
    expect([...der]).toEqual([0x30, 0x03, 0x0a, 0x01, 0x01]);
  });
});
