import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, launchBrowser, phoneContext, screenshot } from "../helpers/browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("installable app", () => {
  it("serves a manifest Chrome can install from", async () => {
    const res = await fetch(`${baseUrl()}/manifest.webmanifest`);
    expect(res.headers.get("content-type")).toContain("manifest");
    const m = (await res.json()) as { name: string; display: string; lang: string; icons: { sizes: string; purpose: string; src: string }[] };
    expect(m).toMatchObject({ name: "云签署", display: "standalone", lang: "zh-CN" });
    for (const size of ["192x192", "512x512"]) {
      expect(m.icons.some((i) => i.sizes === size && i.purpose === "any")).toBe(true);
      expect(m.icons.some((i) => i.sizes === size && i.purpose === "maskable")).toBe(true);
    }
    for (const icon of m.icons) {
      const r = await fetch(`${baseUrl()}${icon.src}`);
      expect(r.headers.get("content-type"), icon.src).toBe("image/png");
    }
  });

  it("the service worker controls the page after reload and shows the offline page without network", async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await page.goto("/");
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.reload();
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toMatch(/\/sw\.js$/);
    // Precaching must be complete before the network goes away.
    await page.waitForFunction(async () => (await caches.keys()).some((k) => k.includes("precache")), undefined, { timeout: 20_000 });
    await context.setOffline(true);
    await page.goto("/projects/sysu");
    await page.getByTestId("offline-title").waitFor();
    expect(await page.textContent("main")).toContain("网络未连接");
    await screenshot(page, "20-offline");
    await context.setOffline(false);
    await context.close();
  });

  it("the install page shows a QR code, the steps, and a hint inside WeChat", async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await page.goto("/install");
    await page.getByTestId("install-qr").locator("svg").waitFor();
    expect(await page.textContent("main")).toContain("添加到主屏幕");
    expect(await page.getByTestId("wechat-hint").count()).toBe(0);
    await screenshot(page, "21-install");
    await context.close();

    const wechat = await phoneContext(browser, {
      userAgent: "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36 MicroMessenger/8.0.47",
    });
    const wpage = await wechat.newPage();
    await wpage.goto("/install");
    await wpage.getByTestId("wechat-hint").waitFor();
    expect(await wpage.getByTestId("wechat-hint").textContent()).toContain("在浏览器打开");
    await screenshot(wpage, "22-install-wechat");
    await wechat.close();
  });

  it("has no development outbox in production", async () => {
    const res = await fetch(`${baseUrl()}/dev/outbox`);
    expect(res.status).toBe(404);
  });

  it("shows the service agreement and a 404 for unknown projects", async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await page.goto("/legal/agreement");
    expect(await page.textContent("main")).toContain("电子签名法");
    await screenshot(page, "23-agreement");
    const res = await page.goto("/projects/does-not-exist");
    expect(res?.status()).toBe(404);
    await context.close();
  });
});
