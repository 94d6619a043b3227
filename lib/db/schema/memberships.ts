import { pgEnum, pgTable, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { projectRoles, projects } from "./projects";
import { users } from "./users";

// Ordered: a membership's status is the last onboarding step it completed.
export const ONBOARDING_STATUSES = [
  "registered",
  "identity_verified",
  "paid",
  "certified",
  "signature_ready",
] as const;
export type OnboardingStatus = (typeof ONBOARDING_STATUSES)[number];

export const onboardingStatus = pgEnum("onboarding_status", ONBOARDING_STATUSES);

export const memberships = pgTable(
  "memberships",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    roleId: uuid("role_id")
      .notNull()
      .references(() => projectRoles.id),
    status: onboardingStatus("status").notNull().default("registered"),
    agreementAcceptedAt: timestamp("agreement_accepted_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  // One membership per user and project: the same person cannot register twice
  // in one project, even under another role.
  (t) => [uniqueIndex("memberships_user_project_idx").on(t.userId, t.projectId)],
);
export type Membership = typeof memberships.$inferSelect;
