import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PDFDocument, StandardFonts } from "pdf-lib";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, launchBrowser, phoneContext, screenshot } from "../helpers/browser";
import { onboardSigner } from "../helpers/onboard";
import { registerViaUi } from "../helpers/register";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const VALIDATE = join(process.cwd(), "..", "shared", "tools", "pdfcheck", "validate-pdf");

async function contractPdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= 3; i++) doc.addPage([595, 842]).drawText(`Purchase agreement, page ${i}`, { x: 60, y: 760, size: 20, font });
  return Buffer.from(await doc.save());
}

async function placeAndSign(page: Page, pin: string) {
  const first = page.locator('[data-page="1"]');
  await first.locator("canvas").first().waitFor({ timeout: 30_000 });
  const box = (await first.boundingBox())!;
  await page.mouse.click(box.x + box.width * 0.3, box.y + box.height * 0.8);
  await page.getByTestId("placement-box").first().waitFor();
  await page.getByRole("button", { name: /签署（1 处）/ }).click();
  await page.getByRole("textbox", { name: "请输入签署密码" }).fill(pin);
  await page.getByRole("button", { name: "确认签署" }).click();
}

describe("two signers, one after another", () => {
  it("A uploads, adds B, places and signs; B finds it in to-sign and signs; the file validates everywhere", async () => {
    const ctxA = await phoneContext(browser);
    const ctxB = await phoneContext(browser);
    const a = await onboardSigner(await ctxA.newPage(), "甲经办");
    const b = await onboardSigner(await ctxB.newPage(), "乙经办");
    const pageA = ctxA.pages()[0]!;
    const pageB = ctxB.pages()[0]!;

    await pageA.goto("/sign");
    await screenshot(pageA, "40-sign-tab");
    const dir = mkdtempSync(join(tmpdir(), "e2e-sign-"));
    writeFileSync(join(dir, "采购合同.pdf"), await contractPdf());
    await pageA.getByTestId("pdf-upload").setInputFiles(join(dir, "采购合同.pdf"));
    await pageA.waitForURL(/\/sign\/[0-9a-f-]{36}$/);
    const envelopeUrl = pageA.url();

    await pageA.getByRole("button", { name: "添加签署人" }).click();
    await pageA.getByLabel("签署人真实姓名").fill("乙经办");
    await pageA.getByLabel("签署人手机号").fill("13900000000");
    await pageA.getByRole("button", { name: "添加签署人" }).click();
    await pageA.getByText(/没有找到姓名与手机号都匹配的注册用户/).waitFor();
    await pageA.getByLabel("签署人手机号").fill(b.phone);
    await pageA.getByRole("button", { name: "添加签署人" }).click();
    await pageA.getByTestId("signer-list").getByText("乙经办").waitFor();

    await placeAndSign(pageA, "wrong-pin");
    await pageA.getByText(/签署密码错误，还可尝试 4 次/).waitFor({ timeout: 30_000 });
    await pageA.getByRole("textbox", { name: "请输入签署密码" }).fill(a.pin);
    await pageA.getByRole("button", { name: "确认签署" }).click();
    await pageA.getByText("签署成功。其他签署人将收到短信通知。").waitFor({ timeout: 30_000 });
    await pageA.locator('[data-page="1"] canvas').first().waitFor({ timeout: 30_000 });
    await screenshot(pageA, "41-signed-by-a");

    await pageB.goto("/sign");
    await pageB.getByTestId("list-to-sign").getByText("采购合同").click();
    await pageB.waitForURL(envelopeUrl);
    await screenshot(pageB, "42-b-opens");
    await placeAndSign(pageB, b.pin);
    await pageB.getByText("签署成功，全部签署人已完成签署。").waitFor({ timeout: 30_000 });
    await pageB.reload();
    expect(await pageB.getByTestId("envelope-status").textContent()).toContain("已完成");
    await pageB.locator('[data-page="1"] canvas').first().waitFor({ timeout: 30_000 });
    await screenshot(pageB, "43-completed");

    // The downloaded file passes poppler, MuPDF, qpdf and PDFBox with both signatures chained to our root.
    const download = await ctxB.request.get(`${envelopeUrl.replace("/sign/", "/api/envelopes/")}/file`);
    expect(download.status()).toBe(200);
    const signed = await download.body();
    writeFileSync(join(dir, "signed.pdf"), signed);
    writeFileSync(join(dir, "root.pem"), await (await fetch(`${baseUrl()}/api/pki/ca?format=pem`)).text());
    const v = spawnSync(VALIDATE, [join(dir, "signed.pdf"), "--original", join(dir, "采购合同.pdf"), "--root", join(dir, "root.pem"), "--expect", "2"], { encoding: "utf8" });
    expect(v.status, v.stdout + v.stderr).toBe(0);

    // Re-opening the signed file (shared back in) continues the same envelope.
    await pageB.goto("/sign");
    await pageB.getByTestId("pdf-upload").setInputFiles(join(dir, "signed.pdf"));
    await pageB.waitForURL(envelopeUrl);

    // A third user can neither see nor download it.
    const ctxC = await phoneContext(browser);
    const pageC = await ctxC.newPage();
    await registerViaUi(pageC, { role: "单位经办人", name: "丙路人" });
    const res = await pageC.goto(envelopeUrl);
    expect(res?.status()).toBe(404);
    const file = await ctxC.request.get(`${envelopeUrl.replace("/sign/", "/api/envelopes/")}/file`);
    expect(file.status()).toBe(404);

    // The public verify page shows both signatures intact; a flipped byte breaks them.
    const anon = await phoneContext(browser);
    const pageV = await anon.newPage();
    await pageV.goto("/verify");
    await pageV.getByTestId("verify-upload").setInputFiles(join(dir, "signed.pdf"));
    await pageV.getByTestId("verify-signature").nth(1).waitFor({ timeout: 30_000 });
    expect(await pageV.locator('[data-testid="verify-signature"][data-intact="true"]').count()).toBe(2);
    expect(await pageV.textContent("main")).toContain("由云签署根证书签发");
    await screenshot(pageV, "45-verify");
    const tampered = Buffer.from(signed);
    const at = tampered.indexOf("Purchase agreement");
    tampered[at > 0 ? at : 200] ^= 0x01;
    writeFileSync(join(dir, "tampered.pdf"), tampered);
    await pageV.getByTestId("verify-upload").setInputFiles(join(dir, "tampered.pdf"));
    await pageV.locator('[data-testid="verify-signature"][data-intact="false"]').first().waitFor({ timeout: 30_000 });
    await Promise.all([ctxA.close(), ctxB.close(), ctxC.close(), anon.close()]);
  });
});
