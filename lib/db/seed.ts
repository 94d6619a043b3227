import { eq } from "drizzle-orm";
import { env } from "@/lib/env";
import type { Db } from "./client";
import { projectRoles, projects, users } from "./schema";

// The demo project every fresh install starts with. Prices are in fen.
const DEMO_PROJECT = {
  slug: "sysu",
  name: "中山大学",
  organisation: "中山大学",
  description: "中山大学采购项目电子签署",
  keywords: ["中山大学", "中大", "SYSU", "Sun Yat-sen University"],
};

const DEMO_ROLES = [
  { key: "supplier_rep", name: "供应商授权代表", priceFen: 30000, renewalPriceFen: 20000, requiresIdentity: true, sortOrder: 1 },
  { key: "expert", name: "评审专家", priceFen: 0, renewalPriceFen: 0, requiresIdentity: true, sortOrder: 2 },
  { key: "purchaser_rep", name: "采购人代表", priceFen: 0, renewalPriceFen: 0, requiresIdentity: true, sortOrder: 3 },
  // Staff are known to the organisation already: no payment, no ID check.
  { key: "staff", name: "单位经办人", priceFen: 0, renewalPriceFen: 0, requiresIdentity: false, sortOrder: 4 },
];

/** Idempotent and safe to run from several instances at once (unique keys + DO NOTHING). */
export async function seedDatabase(db: Db): Promise<void> {
  await db.insert(projects).values(DEMO_PROJECT).onConflictDoNothing({ target: projects.slug });
  const [project] = await db.select({ id: projects.id }).from(projects).where(eq(projects.slug, DEMO_PROJECT.slug));
  if (project) {
    await db
      .insert(projectRoles)
      .values(DEMO_ROLES.map((r) => ({ ...r, projectId: project.id })))
      .onConflictDoNothing({ target: [projectRoles.projectId, projectRoles.key] });
  }
  const adminPhone = env().ADMIN_PHONE;
  if (adminPhone) {
    await db
      .insert(users)
      .values({ phone: adminPhone, isAdmin: true })
      .onConflictDoUpdate({ target: users.phone, set: { isAdmin: true } });
  }
}
