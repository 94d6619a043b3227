import type { Page } from "playwright-core";
import { randomPhone, waitForCode } from "./sms";

/** Registers a new member of 中山大学 through the UI; ends on the confirmation page. */
export async function registerViaUi(page: Page, { role, name, phone = randomPhone() }: { role: string; name: string; phone?: string }) {
  await page.goto("/projects/sysu/register");
  await page.getByLabel(new RegExp(role)).check();
  await page.getByLabel("真实姓名").fill(name);
  await page.getByLabel("手机号码").fill(phone);
  const sentAt = Date.now() - 1;
  await page.getByRole("button", { name: "获取验证码" }).click();
  await page.getByLabel("短信验证码").fill(await waitForCode(phone, sentAt));
  await page.getByLabel(/我已阅读并同意/).check();
  await page.getByRole("button", { name: "注册", exact: true }).click();
  await page.waitForURL(/\/confirm\//);
  return { phone, membershipId: page.url().split("/confirm/")[1]!.split("?")[0]! };
}

/** Draws a signature-like stroke on the signature pad with the mouse. */
export async function drawSignature(page: Page) {
  const canvas = page.getByTestId("signature-canvas");
  const box = (await canvas.boundingBox())!;
  const y0 = box.y + box.height * 0.55;
  await page.mouse.move(box.x + box.width * 0.15, y0);
  await page.mouse.down();
  for (let i = 0; i <= 40; i++) {
    const x = box.x + box.width * (0.15 + (0.7 * i) / 40);
    await page.mouse.move(x, y0 - Math.sin(i / 4) * box.height * 0.25, { steps: 2 });
  }
  await page.mouse.up();
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.3);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.45, box.y + box.height * 0.75, { steps: 8 });
  await page.mouse.up();
}
