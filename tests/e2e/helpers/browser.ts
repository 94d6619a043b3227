import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from "playwright-core";
import { inject } from "vitest";

export const SCREEN_DIR = join(process.cwd(), "test-results", "screens");
export const PHONE_VIEWPORT = { width: 390, height: 844 };

export function baseUrl(): string {
  return inject("baseUrl");
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
  });
}

/** A phone-sized context at our server, Chinese locale by default. */
export async function phoneContext(browser: Browser, opts: BrowserContextOptions = {}): Promise<BrowserContext> {
  return browser.newContext({ viewport: PHONE_VIEWPORT, locale: "zh-CN", baseURL: baseUrl(), isMobile: true, hasTouch: true, ...opts });
}

/** Saves a full-page screenshot of the current screen for review. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREEN_DIR, { recursive: true });
  // Sticky headers would otherwise be painted mid-page in a full-page capture.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(SCREEN_DIR, `${name}.png`), fullPage: true });
}
