import { afterAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { closeDb, getDb } from "@/lib/db";
import { smsCodes, smsOutbox } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { latestCode } from "@/tests/helpers/outbox";
import { randomIp, randomPhone } from "@/tests/helpers/phones";
import { sendVerificationCode, setSmsTransportForTests, SMS_RULES, verifyVerificationCode } from ".";

afterAll(closeDb);

async function errorOf(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  if (!(e instanceof AppError)) throw new Error(`expected AppError, got ${String(e)}`);
  return e;
}

describe("sending codes", () => {
  it("stores only a hash and delivers the code through the outbox", async () => {
    const phone = randomPhone();
    await sendVerificationCode({ phone, purpose: "login", ip: randomIp() });
    const db = await getDb();
    const [row] = await db.select().from(smsCodes).where(eq(smsCodes.phone, phone));
    const code = await latestCode(phone);
    expect(code).toMatch(/^\d{6}$/);
    expect(row!.codeHash).not.toContain(code);
    expect(row!.expiresAt.getTime() - row!.createdAt.getTime()).toBe(SMS_RULES.validMs);
    const [msg] = await db.select().from(smsOutbox).where(eq(smsOutbox.phone, phone));
    expect(msg!.text).toContain("5分钟内有效");
  });

  it("refuses a resend within 60 s and says how long to wait", async () => {
    const phone = randomPhone();
    const t0 = new Date();
    await sendVerificationCode({ phone, purpose: "login", ip: randomIp(), now: t0 });
    const e = await errorOf(sendVerificationCode({ phone, purpose: "login", ip: randomIp(), now: new Date(t0.getTime() + 17_000) }));
    expect(e.code).toBe("SMS_RESEND_TOO_SOON");
    expect(e.params.seconds).toBe(43);
    await sendVerificationCode({ phone, purpose: "login", ip: randomIp(), now: new Date(t0.getTime() + 61_000) });
  });

  it("allows 10 codes a day per phone, then refuses", async () => {
    const phone = randomPhone();
    const start = Date.now() - 23 * 3600_000;
    for (let i = 0; i < SMS_RULES.maxPerPhonePerDay; i++) {
      await sendVerificationCode({ phone, purpose: "login", ip: randomIp(), now: new Date(start + i * 61_000) });
    }
    const e = await errorOf(sendVerificationCode({ phone, purpose: "login", ip: randomIp(), now: new Date(start + 11 * 61_000) }));
    expect(e.code).toBe("SMS_DAILY_LIMIT");
  });

  it("caps codes per IP address across phones", async () => {
    const ip = randomIp();
    for (let i = 0; i < SMS_RULES.maxPerIpPerHour; i++) await sendVerificationCode({ phone: randomPhone(), purpose: "login", ip });
    const e = await errorOf(sendVerificationCode({ phone: randomPhone(), purpose: "login", ip }));
    expect(e.code).toBe("SMS_IP_LIMIT");
  });

  it("lets only one of two simultaneous requests through", async () => {
    const phone = randomPhone();
    const results = await Promise.allSettled([
      sendVerificationCode({ phone, purpose: "login", ip: randomIp() }),
      sendVerificationCode({ phone, purpose: "login", ip: randomIp() }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });

  it("gives back the slot when the provider fails", async () => {
    const phone = randomPhone();
    setSmsTransportForTests({ name: "broken", send: async () => Promise.reject(new Error("provider down")) });
    try {
      const e = await errorOf(sendVerificationCode({ phone, purpose: "login", ip: randomIp() }));
      expect(e.code).toBe("SMS_PROVIDER_FAILED");
    } finally {
      setSmsTransportForTests(undefined);
    }
    await sendVerificationCode({ phone, purpose: "login", ip: randomIp() });
  });
});

describe("verifying codes", () => {
  async function fresh(purpose: "login" | "register" = "login") {
    const phone = randomPhone();
    await sendVerificationCode({ phone, purpose, ip: randomIp() });
    return { phone, code: await latestCode(phone) };
  }
  const wrong = (code: string) => String((Number(code) + 1) % 1e6).padStart(6, "0");

  it("accepts the right code once", async () => {
    const { phone, code } = await fresh();
    await verifyVerificationCode({ phone, purpose: "login", code });
    expect((await errorOf(verifyVerificationCode({ phone, purpose: "login", code }))).code).toBe("SMS_CODE_INVALID");
  });

  it("binds the code to its purpose", async () => {
    const { phone, code } = await fresh("register");
    expect((await errorOf(verifyVerificationCode({ phone, purpose: "login", code }))).code).toBe("SMS_CODE_INVALID");
    await verifyVerificationCode({ phone, purpose: "register", code });
  });

  it("counts wrong tries and burns the code on the fifth", async () => {
    const { phone, code } = await fresh();
    for (let i = 1; i < SMS_RULES.maxWrongTries; i++) {
      const e = await errorOf(verifyVerificationCode({ phone, purpose: "login", code: wrong(code) }));
      expect(e.code).toBe("SMS_CODE_INVALID");
      expect(e.params.remaining).toBe(SMS_RULES.maxWrongTries - i);
    }
    expect((await errorOf(verifyVerificationCode({ phone, purpose: "login", code: wrong(code) }))).code).toBe("SMS_CODE_LOCKED");
    expect((await errorOf(verifyVerificationCode({ phone, purpose: "login", code }))).code).toBe("SMS_CODE_LOCKED");
  });

  it("does not let parallel guesses exceed the limit", async () => {
    const { phone, code } = await fresh();
    await Promise.allSettled(Array.from({ length: 20 }, () => verifyVerificationCode({ phone, purpose: "login", code: wrong(code) })));
    const db = await getDb();
    const [row] = await db.select().from(smsCodes).where(and(eq(smsCodes.phone, phone)));
    expect(row!.attempts).toBe(SMS_RULES.maxWrongTries);
    expect((await errorOf(verifyVerificationCode({ phone, purpose: "login", code }))).code).toBe("SMS_CODE_LOCKED");
  });

  it("refuses an expired code", async () => {
    const { phone, code } = await fresh();
    const later = new Date(Date.now() + SMS_RULES.validMs + 1000);
    expect((await errorOf(verifyVerificationCode({ phone, purpose: "login", code, now: later }))).code).toBe("SMS_CODE_EXPIRED");
  });

  it("a newer code replaces the older one", async () => {
    const phone = randomPhone();
    const t0 = new Date(Date.now() - 120_000);
    await sendVerificationCode({ phone, purpose: "login", ip: randomIp(), now: t0 });
    const first = await latestCode(phone);
    await sendVerificationCode({ phone, purpose: "login", ip: randomIp() });
    const second = await latestCode(phone);
    if (first !== second) {
      expect((await errorOf(verifyVerificationCode({ phone, purpose: "login", code: first }))).code).toBe("SMS_CODE_INVALID");
    }
    await verifyVerificationCode({ phone, purpose: "login", code: second });
  });
});
