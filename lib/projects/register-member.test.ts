import { afterAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { closeDb, getDb } from "@/lib/db";
import { memberships, smsCodes, users } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { advanceMembership, getMembership } from "@/lib/onboarding";
import { sendVerificationCode } from "@/lib/sms";
import { latestCode } from "@/tests/helpers/outbox";
import { randomIp, randomPhone } from "@/tests/helpers/phones";
import { getProject } from "./get-project";
import { registerMember } from "./register-member";
import { searchProjects } from "./search-projects";

afterAll(closeDb);

async function codeFor(phone: string) {
  await sendVerificationCode({ phone, purpose: "register", ip: randomIp() });
  return latestCode(phone);
}

async function roleId(key: string) {
  const p = await getProject({ slug: "sysu" });
  return p.roles.find((r) => r.key === key)!.id;
}

const rejects = (p: Promise<unknown>, code: string) => expect(p).rejects.toSatisfy((e) => e instanceof AppError && e.code === code);

describe("project search", () => {
  it.each(["中山大学", "中大", "SYSU", "sysu", "中山"])("finds the demo project by %s", async (q) => {
    expect((await searchProjects({ query: q })).map((p) => p.slug)).toContain("sysu");
  });
  it("finds nothing for unrelated words and treats wildcards literally", async () => {
    expect(await searchProjects({ query: "清华大学" })).toEqual([]);
    expect(await searchProjects({ query: "%" })).toEqual([]);
    expect(await searchProjects({ query: "   " })).toEqual([]);
  });
});

describe("registration", () => {
  it("registers a member and consumes the code", async () => {
    const phone = randomPhone();
    const code = await codeFor(phone);
    const { userId, membershipId } = await registerMember({ projectSlug: "sysu", roleId: await roleId("expert"), realName: "张三", phone, code, ip: randomIp() });
    const m = await getMembership({ membershipId, actorId: userId });
    expect(m.membership.status).toBe("registered");
    expect(m.role.name).toBe("评审专家");
    expect(m.user.realName).toBe("张三");
  });

  it("refuses a second registration in the same project and keeps the code", async () => {
    const phone = randomPhone();
    await registerMember({ projectSlug: "sysu", roleId: await roleId("expert"), realName: "李四", phone, code: await codeFor(phone), ip: randomIp() });
    const db = await getDb();
    // A second code, 61 s later in the eyes of the limiter.
    await db.update(smsCodes).set({ createdAt: new Date(Date.now() - 61_000) }).where(eq(smsCodes.phone, phone));
    const code = await codeFor(phone);
    await rejects(registerMember({ projectSlug: "sysu", roleId: await roleId("staff"), realName: "李四", phone, code, ip: randomIp() }), "ALREADY_REGISTERED");
    const [row] = await db.select().from(smsCodes).where(eq(smsCodes.phone, phone)).orderBy(smsCodes.createdAt).limit(2).offset(1);
    expect(row!.consumedAt).toBeNull();
  });

  it("refuses a forged role id, another project's role and an unknown project, changing nothing", async () => {
    const phone = randomPhone();
    const code = await codeFor(phone);
    await rejects(registerMember({ projectSlug: "sysu", roleId: "00000000-0000-4000-8000-000000000000", realName: "王五", phone, code, ip: randomIp() }), "ROLE_NOT_FOUND");
    await rejects(registerMember({ projectSlug: "no-such-project", roleId: await roleId("expert"), realName: "王五", phone, code, ip: randomIp() }), "PROJECT_NOT_FOUND");
    const db = await getDb();
    expect(await db.select().from(users).where(eq(users.phone, phone))).toEqual([]);
    // The code is still good.
    await registerMember({ projectSlug: "sysu", roleId: await roleId("expert"), realName: "王五", phone, code, ip: randomIp() });
  });

  it("refuses a wrong code without creating anything", async () => {
    const phone = randomPhone();
    const code = await codeFor(phone);
    const wrong = code === "000000" ? "111111" : "000000";
    await rejects(registerMember({ projectSlug: "sysu", roleId: await roleId("expert"), realName: "赵六", phone, code: wrong, ip: randomIp() }), "SMS_CODE_INVALID");
    const db = await getDb();
    expect(await db.select().from(users).where(eq(users.phone, phone))).toEqual([]);
  });

  it("hides other people's memberships", async () => {
    const phone = randomPhone();
    const { membershipId } = await registerMember({ projectSlug: "sysu", roleId: await roleId("staff"), realName: "钱七", phone, code: await codeFor(phone), ip: randomIp() });
    const other = randomPhone();
    const { userId: otherId } = await registerMember({ projectSlug: "sysu", roleId: await roleId("staff"), realName: "孙八", phone: other, code: await codeFor(other), ip: randomIp() });
    await rejects(getMembership({ membershipId, actorId: otherId }), "NOT_FOUND");
  });

  it("advances only from the status the role requires, once", async () => {
    const phone = randomPhone();
    const { userId, membershipId } = await registerMember({ projectSlug: "sysu", roleId: await roleId("supplier_rep"), realName: "周九", phone, code: await codeFor(phone), ip: randomIp() });
    const db = await getDb();
    await rejects(advanceMembership({ db, membershipId, step: "paid", actorId: userId }), "STEP_NOT_REACHED");
    const results = await Promise.allSettled([
      advanceMembership({ db, membershipId, step: "identity_verified", actorId: userId }),
      advanceMembership({ db, membershipId, step: "identity_verified", actorId: userId }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const [m] = await db.select().from(memberships).where(eq(memberships.id, membershipId));
    expect(m!.status).toBe("identity_verified");
  });
});
