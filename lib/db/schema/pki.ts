import { sql } from "drizzle-orm";
import { bigint, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { CaMaterial, KeyCustodyRecord } from "@/lib/pki";
import { memberships } from "./memberships";
import { users } from "./users";

// The CA hierarchy: one row, created once by whichever instance starts first.
export const pkiCa = pgTable(
  "pki_ca",
  {
    id: integer("id").primaryKey().default(1),
    material: jsonb("material").$type<CaMaterial>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("pki_ca_single_row", sql`${t.id} = 1`)],
);

export const certificates = pgTable(
  "certificates",
  {
    serialHex: text("serial_hex").primaryKey(),
    /** The holder's user id. */
    subjectRef: text("subject_ref").notNull(),
    der: text("der").notNull(),
    notBefore: timestamp("not_before", { withTimezone: true, mode: "string" }).notNull(),
    notAfter: timestamp("not_after", { withTimezone: true, mode: "string" }).notNull(),
    status: text("status", { enum: ["good", "revoked"] }).notNull().default("good"),
    revokedAt: timestamp("revoked_at", { withTimezone: true, mode: "string" }),
    reason: text("reason"),
    issuedAt: timestamp("issued_at", { withTimezone: true, mode: "string" }).notNull(),
  },
  (t) => [index("certificates_subject_idx").on(t.subjectRef), index("certificates_revoked_idx").on(t.status, t.notAfter)],
);
export type CertificateRow = typeof certificates.$inferSelect;

export const pkiCrls = pgTable("pki_crls", {
  id: integer("id").primaryKey().default(1),
  crlNumber: bigint("crl_number", { mode: "bigint" }).notNull(),
  der: text("der").notNull(),
  thisUpdate: timestamp("this_update", { withTimezone: true, mode: "string" }).notNull(),
  nextUpdate: timestamp("next_update", { withTimezone: true, mode: "string" }).notNull(),
});

export const pkiCounters = pgTable("pki_counters", {
  name: text("name").primaryKey(),
  value: bigint("value", { mode: "bigint" }).notNull(),
});

// A member's signing key: the custody record (private key wrapped under PIN
// and master key, wrong-PIN counters) and the certificate issued for it. The
// certificate names the project's organisation and the role, so each
// membership has its own. A renewal adds a row; the previous one becomes
// superseded.
export const signingKeys = pgTable(
  "signing_keys",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    membershipId: uuid("membership_id")
      .notNull()
      .references(() => memberships.id, { onDelete: "cascade" }),
    certificateSerial: text("certificate_serial").references(() => certificates.serialHex),
    custody: jsonb("custody").$type<KeyCustodyRecord>().notNull(),
    /** Mirrors custody.revision for the conditional update of every PIN attempt. */
    revision: integer("revision").notNull(),
    status: text("status", { enum: ["active", "superseded"] }).notNull().default("active"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  // At most one active key per membership, even when two PIN set-ups race.
  (t) => [
    index("signing_keys_user_idx").on(t.userId, t.status),
    uniqueIndex("signing_keys_one_active_idx").on(t.membershipId).where(sql`${t.status} = 'active'`),
  ],
);
export type SigningKey = typeof signingKeys.$inferSelect;
