import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PDFDocument, StandardFonts } from "pdf-lib";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, phoneContext, screenshot } from "../helpers/browser";
import { registerViaUi } from "../helpers/register";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("long documents", () => {
  it("a 150-page file renders lazily: few pages drawn at a time, the last one on demand", async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    for (let i = 1; i <= 150; i++) doc.addPage([595, 842]).drawText(`Tender document page ${i}`, { x: 60, y: 760, size: 24, font });
    const path = join(mkdtempSync(join(tmpdir(), "long-")), "招标文件.pdf");
    writeFileSync(path, await doc.save());

    const context = await phoneContext(browser);
    const page = await context.newPage();
    await registerViaUi(page, { role: "单位经办人", name: "长文档" });
    await page.goto("/sign");
    await page.getByTestId("pdf-upload").setInputFiles(path);
    await page.waitForURL(/\/sign\/[0-9a-f-]{36}$/);
    await page.locator('[data-page="1"] canvas').first().waitFor({ timeout: 30_000 });
    expect(await page.locator("[data-page]").count()).toBe(150);
    const drawn = await page.locator("[data-page] canvas").count();
    expect(drawn).toBeLessThan(15);
    await screenshot(page, "46-long-document");

    const started = Date.now();
    await page.locator('[data-page="150"]').scrollIntoViewIfNeeded();
    await page.locator('[data-page="150"] canvas').waitFor({ timeout: 20_000 });
    const ms = Date.now() - started;
    console.log(`last of 150 pages drawn ${ms} ms after scrolling to it; ${drawn} pages drawn at first`);
    expect(await page.locator("[data-page] canvas").count()).toBeLessThan(30);
    await context.close();
  });
});
