import { boolean, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

export const projects = pgTable("projects", {
  id: uuid("id").primaryKey().defaultRandom(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  /** Organisation name, used as O= in certificates. */
  organisation: text("organisation").notNull(),
  description: text("description"),
  /** Extra words the search box matches, e.g. 中大, SYSU. */
  keywords: text("keywords").array().notNull().default([]),
  active: boolean("active").notNull().default(true),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
export type Project = typeof projects.$inferSelect;

export const projectRoles = pgTable(
  "project_roles",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    /** Stable key used in code and translations (supplier_rep, expert, …). */
    key: text("key").notNull(),
    name: text("name").notNull(),
    /** Prices in fen; 0 means the role is free and skips payment. */
    priceFen: integer("price_fen").notNull().default(0),
    renewalPriceFen: integer("renewal_price_fen").notNull().default(0),
    requiresIdentity: boolean("requires_identity").notNull().default(true),
    sortOrder: integer("sort_order").notNull().default(0),
    active: boolean("active").notNull().default(true),
  },
  (t) => [uniqueIndex("project_roles_key_idx").on(t.projectId, t.key)],
);
export type ProjectRole = typeof projectRoles.$inferSelect;
