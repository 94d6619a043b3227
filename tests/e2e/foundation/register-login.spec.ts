import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, phoneContext, screenshot } from "../helpers/browser";
import { randomPhone, waitForCode } from "../helpers/sms";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function alertTexts(page: Page): Promise<string> {
  return (await page.getByRole("alert").allTextContents()).join(" | ");
}

describe("register in 中山大学, log out, log in", () => {
  it("walks the whole journey on a phone-sized screen", async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    const phone = randomPhone();

    await page.goto("/");
    await screenshot(page, "01-home");
    await page.getByRole("searchbox").fill("中山大学");
    await page.getByRole("button", { name: "搜索" }).click();
    await page.waitForURL(/\?q=/);
    await screenshot(page, "02-search-results");
    await page.getByRole("link", { name: /中山大学采购项目/ }).click();
    await page.waitForURL("**/projects/sysu");
    expect(await page.textContent("main")).toContain("评审专家");
    await screenshot(page, "03-project");

    await page.getByRole("link", { name: "注册" }).click();
    await page.waitForURL("**/projects/sysu/register");

    // Bad input first: every field explains itself and nothing is created.
    await page.getByRole("button", { name: "注册", exact: true }).click();
    await page.getByText("请阅读并同意服务协议").waitFor();
    expect(await alertTexts(page)).toContain("此项为必填项");
    await page.getByLabel("真实姓名").fill("张三3");
    await page.getByLabel("手机号码").fill("12345");
    await page.getByRole("button", { name: "获取验证码" }).click();
    await page.getByText("请输入正确的 11 位手机号码").waitFor();
    await page.getByRole("button", { name: "注册", exact: true }).click();
    await page.getByText(/姓名只能包含汉字/).waitFor();
    await screenshot(page, "04-register-errors");

    await page.getByLabel(/评审专家/).check();
    await page.getByLabel("真实姓名").fill("张三");
    await page.getByLabel("手机号码").fill(phone);
    const sentAt = Date.now() - 1;
    await page.getByRole("button", { name: "获取验证码" }).click();
    await page.getByText(/秒后重发/).waitFor();
    const code = await waitForCode(phone, sentAt);
    await page.getByLabel("短信验证码").fill(code);
    await page.getByLabel(/我已阅读并同意/).check();
    await screenshot(page, "05-register-filled");
    await page.getByRole("button", { name: "注册", exact: true }).click();
    await page.waitForURL(/\/confirm\//);
    const confirm = await page.textContent("main");
    expect(confirm).toContain("评审专家");
    expect(confirm).toContain("张三");
    expect(confirm).toContain(`${phone.slice(0, 3)}****${phone.slice(7)}`);
    expect(await page.locator('[data-state="current"]').textContent()).toContain("实名认证");
    await screenshot(page, "06-confirm");

    await page.getByRole("link", { name: /下一步/ }).click();
    await page.waitForURL(/\/onboarding\/.+\/identity_verified/);
    expect(await page.textContent("main")).toContain("身份证人像面");
    await screenshot(page, "07-step-identity");
    // A later step is refused to a member who has not reached it.
    await page.goto(page.url().replace("identity_verified", "signature_ready"));
    await page.waitForURL(/\/confirm\//);

    for (const [path, name] of [["/sign", "08-tab-sign"], ["/authorize", "09-tab-authorize"], ["/me", "10-me"]] as const) {
      await page.goto(path);
      await screenshot(page, name);
    }
    await page.getByRole("button", { name: "退出登录" }).click();
    await page.waitForURL(/\/login\?loggedOut=1/);
    await screenshot(page, "11-logged-out");
    await page.goto("/me");
    await page.waitForURL(/\/login\?callbackUrl=%2Fme/);

    // Logging in within 60 s of the registration code: the server says how long to wait.
    await page.getByLabel("手机号码").fill(phone);
    await page.getByRole("button", { name: "获取验证码" }).click();
    const tooSoon = await page.getByText(/验证码发送过于频繁，请 \d+ 秒后再试/).textContent();
    const wait = Number(tooSoon?.match(/(\d+) 秒/)?.[1]);
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60);
    await screenshot(page, "12-login-too-soon");
    await page.waitForTimeout(wait * 1000 + 500);
    const loginSentAt = Date.now() - 1;
    await page.getByRole("button", { name: "获取验证码" }).click();
    const loginCode = await waitForCode(phone, loginSentAt);
    await page.getByLabel("短信验证码").fill(loginCode);
    await page.getByRole("button", { name: "登录", exact: true }).click();
    await page.waitForURL(/\/me$/);
    expect(await page.textContent("main")).toContain("张三");
    await context.close();
  });

  it("five wrong codes lock the code, and the right one no longer works", async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    const phone = randomPhone();
    await page.goto("/projects/sysu/register");
    await page.getByLabel(/单位经办人/).check();
    await page.getByLabel("真实姓名").fill("李四");
    await page.getByLabel("手机号码").fill(phone);
    await page.getByLabel(/我已阅读并同意/).check();
    const sentAt = Date.now() - 1;
    await page.getByRole("button", { name: "获取验证码" }).click();
    const code = await waitForCode(phone, sentAt);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, "0");
    for (let remaining = 4; remaining >= 1; remaining--) {
      await page.getByLabel("短信验证码").fill(wrong);
      await page.getByRole("button", { name: "注册", exact: true }).click();
      await page.getByText(`验证码不正确，还可尝试 ${remaining} 次。`).waitFor();
    }
    await page.getByLabel("短信验证码").fill(wrong);
    await page.getByRole("button", { name: "注册", exact: true }).click();
    await page.getByText("验证码错误次数过多，已失效，请重新获取。").waitFor();
    await page.getByLabel("短信验证码").fill(code);
    await page.getByRole("button", { name: "注册", exact: true }).click();
    await page.getByText("验证码错误次数过多，已失效，请重新获取。").waitFor();
    await screenshot(page, "13-code-locked");
    expect(page.url()).toMatch(/\/register$/);
    await context.close();
  });

  it("speaks English when the user switches language", async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await page.goto("/projects/sysu/register");
    await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: page.url() }]);
    await page.reload();
    await page.getByRole("button", { name: "Register", exact: true }).click();
    await page.getByText("Please read and accept the service agreement").waitFor();
    await screenshot(page, "14-register-english");
    await context.close();
  });
});
