import type { Page } from "playwright-core";
import { drawSignature, registerViaUi } from "./register";
import { randomPhone } from "./sms";

/** Registers a staff member, sets the PIN and draws the signature: ready to sign. */
export async function onboardSigner(page: Page, name: string, pin = "8d3k29x") {
  const phone = randomPhone();
  const { membershipId } = await registerViaUi(page, { role: "单位经办人", name, phone });
  await page.goto(`/onboarding/${membershipId}/certified`);
  await page.getByLabel("签署密码", { exact: true }).fill(pin);
  await page.getByLabel("再次输入签署密码").fill(pin);
  await page.getByRole("button", { name: "设置密码并领取证书" }).click();
  await page.getByTestId("certificate-issued").waitFor({ timeout: 30_000 });
  await page.getByRole("link", { name: "下一步：设置手写签名" }).click();
  await drawSignature(page);
  await page.getByRole("button", { name: "保存签名" }).click();
  await page.getByText("全部步骤已完成，您可以开始签署文件。").waitFor();
  return { phone, name, pin };
}
