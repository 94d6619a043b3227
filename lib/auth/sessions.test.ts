import { afterAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/lib/db";
import { users } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { sendVerificationCode } from "@/lib/sms";
import { latestCode } from "@/tests/helpers/outbox";
import { randomIp, randomPhone } from "@/tests/helpers/phones";
import { safeCallbackUrl } from "./safe-callback-url";
import { issueLoginTicket } from "./issue-login-ticket";
import { loadSessionUser } from "./load-session-user";
import { redeemLoginTicket } from "./redeem-login-ticket";
import { revokeSessions } from "./revoke-sessions";
import { startLogin } from "./start-login";

afterAll(closeDb);

async function newUser() {
  const db = await getDb();
  const [u] = await db.insert(users).values({ phone: randomPhone(), realName: "测试" }).returning();
  return u!;
}

describe("login tickets and sessions", () => {
  it("a ticket opens exactly one session", async () => {
    const user = await newUser();
    const ticket = await issueLoginTicket({ userId: user.id });
    const results = await Promise.all([redeemLoginTicket({ token: ticket }), redeemLoginTicket({ token: ticket })]);
    expect(results.filter(Boolean)).toHaveLength(1);
    const sid = results.find(Boolean)!.sid;
    expect(await loadSessionUser(sid)).toMatchObject({ id: user.id, phone: user.phone, isAdmin: false });
  });

  it("rejects forged tickets", async () => {
    expect(await redeemLoginTicket({ token: "x".repeat(43) })).toBeNull();
  });

  it("logout ends one session; logout everywhere ends all of them", async () => {
    const user = await newUser();
    const a = (await redeemLoginTicket({ token: await issueLoginTicket({ userId: user.id }) }))!.sid;
    const b = (await redeemLoginTicket({ token: await issueLoginTicket({ userId: user.id }) }))!.sid;
    const c = (await redeemLoginTicket({ token: await issueLoginTicket({ userId: user.id }) }))!.sid;
    expect(await revokeSessions({ userId: user.id, sid: a })).toBe(1);
    expect(await loadSessionUser(a)).toBeNull();
    expect(await loadSessionUser(b)).not.toBeNull();
    expect(await revokeSessions({ userId: user.id, sid: b, everywhere: true })).toBe(2);
    expect(await loadSessionUser(b)).toBeNull();
    expect(await loadSessionUser(c)).toBeNull();
  });

  it("a user cannot end someone else's session by naming its id", async () => {
    const alice = await newUser();
    const mallory = await newUser();
    const sid = (await redeemLoginTicket({ token: await issueLoginTicket({ userId: alice.id }) }))!.sid;
    expect(await revokeSessions({ userId: mallory.id, sid })).toBe(0);
    expect(await loadSessionUser(sid)).not.toBeNull();
  });

  it("login needs an account and the right code", async () => {
    await expect(startLogin({ phone: randomPhone(), code: "123456" })).rejects.toSatisfy((e) => e instanceof AppError && e.code === "NOT_REGISTERED");
    const user = await newUser();
    await sendVerificationCode({ phone: user.phone, purpose: "login", ip: randomIp() });
    const ticket = await startLogin({ phone: user.phone, code: await latestCode(user.phone) });
    expect(ticket.length).toBeGreaterThan(30);
  });

  it.each([
    ["/me", "/me"],
    ["/confirm/abc?x=1", "/confirm/abc?x=1"],
    ["https://evil.example/", "/"],
    ["//evil.example/", "/"],
    ["/\\evil.example", "/"],
    [undefined, "/"],
  ])("callback %s → %s", (raw, expected) => {
    expect(safeCallbackUrl(raw)).toBe(expected);
  });
});
