import { afterAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { closeDb, getDb } from "./client";
import { resetEnvCache } from "@/lib/env";
import { randomPhone } from "@/tests/helpers/phones";
import { projectRoles, projects, users } from "./schema";
import { seedDatabase } from "./seed";

afterAll(closeDb);

describe("database start-up", () => {
  it("migrates and seeds the demo project with its four roles", async () => {
    const db = await getDb();
    const [p] = await db.select().from(projects).where(eq(projects.slug, "sysu"));
    expect(p?.name).toBe("中山大学");
    expect(p?.keywords).toEqual(expect.arrayContaining(["中大", "SYSU"]));
    const roles = await db.select().from(projectRoles).where(eq(projectRoles.projectId, p!.id));
    expect(roles.map((r) => r.name).sort()).toEqual(["供应商授权代表", "单位经办人", "评审专家", "采购人代表"].sort());
    expect(roles.find((r) => r.key === "expert")?.priceFen).toBe(0);
  });

  it("seeding twice changes nothing", async () => {
    const db = await getDb();
    const count = async () => (await db.execute(sql`select count(*)::int as n from project_roles`)) as unknown;
    const before = JSON.stringify(await count());
    await Promise.all([seedDatabase(db), seedDatabase(db)]);
    expect(JSON.stringify(await count())).toBe(before);
  });

  it("getDb returns the same handle on every call", async () => {
    expect(await getDb()).toBe(await getDb());
  });

  it("makes ADMIN_PHONE a platform admin at start-up", async () => {
    const db = await getDb();
    const phone = randomPhone();
    process.env.ADMIN_PHONE = phone;
    resetEnvCache();
    try {
      await seedDatabase(db);
      await seedDatabase(db);
      const [admin] = await db.select().from(users).where(eq(users.phone, phone));
      expect(admin?.isAdmin).toBe(true);
    } finally {
      delete process.env.ADMIN_PHONE;
      resetEnvCache();
    }
  });
});
