import type { Page } from "playwright-core";
import { waitForCode } from "./sms";

/** Logs in with an SMS code through the UI and waits until the app opens `returnTo`. */
export async function loginViaUi(page: Page, phone: string, returnTo = "/me") {
  await page.goto(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  await page.getByLabel("手机号码").fill(phone);
  const sentAt = Date.now() - 1;
  await page.getByRole("button", { name: "获取验证码" }).click();
  await page.getByLabel("短信验证码").fill(await waitForCode(phone, sentAt));
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await page.waitForURL((u) => u.pathname === returnTo);
}
