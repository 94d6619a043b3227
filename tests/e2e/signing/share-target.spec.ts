import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PDFDocument } from "pdf-lib";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, phoneContext, screenshot } from "../helpers/browser";
import { registerViaUi } from "../helpers/register";

let browser: Browser;
let pdfPath: string;
beforeAll(async () => {
  browser = await launchBrowser();
  const doc = await PDFDocument.create();
  doc.addPage([595, 842]);
  pdfPath = join(mkdtempSync(join(tmpdir(), "share-")), "微信收到的文件.pdf");
  writeFileSync(pdfPath, await doc.save());
});
afterAll(async () => {
  await browser?.close();
});

/** What Android does when a PDF is shared to the installed app: a multipart form POST to share_target.action. */
async function sharePdf(page: Page) {
  await page.evaluate(() => {
    const form = document.createElement("form");
    form.method = "POST";
    form.action = "/share-target";
    form.enctype = "multipart/form-data";
    form.innerHTML = '<input type="text" name="title" value="shared"><input type="file" name="file" id="shared-file">';
    form.id = "share-form";
    document.body.append(form);
  });
  await page.setInputFiles("#shared-file", pdfPath);
  await page.evaluate(() => (document.getElementById("share-form") as HTMLFormElement).submit());
}

describe("PDFs shared to the app", () => {
  it("the service worker catches the share POST and the file opens in 发起签署", async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await registerViaUi(page, { role: "单位经办人", name: "分享甲" });
    await page.goto("/sign");
    await page.evaluate(async () => void (await navigator.serviceWorker.ready));
    await page.reload();
    expect(await page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
    const seen: string[] = [];
    page.on("framenavigated", (f) => seen.push(f.url()));
    await sharePdf(page);
    await page.waitForURL(/\/sign\/[0-9a-f-]{36}$/, { timeout: 30_000 });
    expect(seen.some((u) => /\/share\/received\?id=/.test(u))).toBe(true);
    expect(await page.textContent("h1")).toContain("微信收到的文件");
    await screenshot(page, "44-shared-file-opened");
    await context.close();
  });

  it("with no service worker the server fallback keeps the file and opens it", async () => {
    const context = await phoneContext(browser, { serviceWorkers: "block" });
    const page = await context.newPage();
    await registerViaUi(page, { role: "单位经办人", name: "分享乙" });
    const seen: string[] = [];
    page.on("framenavigated", (f) => seen.push(f.url()));
    await sharePdf(page);
    await page.waitForURL(/\/sign\/[0-9a-f-]{36}$/, { timeout: 30_000 });
    expect(seen.some((u) => /\/share\/received\?token=/.test(u))).toBe(true);
    expect(await page.textContent("h1")).toContain("微信收到的文件");
    await context.close();
  });

  it("the manifest declares the share target and the PDF file handler", async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    const res = await page.goto("/manifest.webmanifest");
    const m = (await res!.json()) as { share_target: { action: string; method: string; enctype: string; params: { files: { name: string; accept: string[] }[] } }; file_handlers: { action: string }[] };
    expect(m.share_target).toMatchObject({ action: "/share-target", method: "POST", enctype: "multipart/form-data" });
    expect(m.share_target.params.files[0]).toMatchObject({ name: "file", accept: ["application/pdf", ".pdf"] });
    expect(m.file_handlers[0]!.action).toBe("/open-pdf");
    await context.close();
  });
});
