import { boolean, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { memberships } from "./memberships";
import { users } from "./users";

export interface SealedFile {
  blobKey: string;
  wrappedKey: string;
  sha256: string;
  size: number;
}

// One real-name verification of a membership: the card as read and confirmed,
// then the liveness attempts. The ID number is kept wrapped under the master
// key (needed again for renewal); only its masked form is ever shown.
export const identityVerifications = pgTable(
  "identity_verifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    membershipId: uuid("membership_id")
      .notNull()
      .references(() => memberships.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    status: text("status", { enum: ["card_read", "card_confirmed", "passed"] }).notNull(),
    nameOnCard: text("name_on_card").notNull(),
    idNumberMasked: text("id_number_masked").notNull(),
    idNumberWrapped: text("id_number_wrapped").notNull(),
    birthDate: text("birth_date"),
    cardValidUntil: text("card_valid_until"),
    /** 有效期限 as read from the back by OCR (null if unreadable); replaced by what the user confirms. */
    cardValidity: text("card_validity"),
    /** 签发机关 as read from the back (kept for the admin view; not checked). */
    cardIssuer: text("card_issuer"),
    cardFront: jsonb("card_front").$type<SealedFile>().notNull(),
    cardBack: jsonb("card_back").$type<SealedFile>(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("identity_verifications_membership_idx").on(t.membershipId, t.createdAt)],
);
export type IdentityVerification = typeof identityVerifications.$inferSelect;

// A liveness challenge: server-drawn actions bound to a single-use nonce that
// expires in two minutes. Frames and scores of the attempt are kept (frames
// encrypted, deleted after the retention period; hashes and scores stay).
export const livenessChallenges = pgTable(
  "liveness_challenges",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    verificationId: uuid("verification_id")
      .notNull()
      .references(() => identityVerifications.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    nonceHash: text("nonce_hash").notNull(),
    actions: jsonb("actions").$type<string[]>().notNull(),
    issuedAt: timestamp("issued_at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    passed: boolean("passed"),
    result: jsonb("result").$type<Record<string, unknown>>(),
    frames: jsonb("frames").$type<SealedFile[]>(),
    framesDeletedAt: timestamp("frames_deleted_at", { withTimezone: true }),
  },
  (t) => [index("liveness_challenges_user_idx").on(t.userId, t.issuedAt)],
);

// An admin's permission to look at one verification's images, given for a
// stated reason and for a few minutes. Every file read under it is audited.
export const evidenceAccessGrants = pgTable(
  "evidence_access_grants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    adminId: uuid("admin_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    verificationId: uuid("verification_id")
      .notNull()
      .references(() => identityVerifications.id, { onDelete: "cascade" }),
    reason: text("reason").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("evidence_access_grants_admin_idx").on(t.adminId, t.createdAt)],
);
