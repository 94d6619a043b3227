import { bigint, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { memberships } from "./memberships";
import { users } from "./users";

// An envelope is one document passing through several signers. Every signing
// appends an incremental update, so each revision's bytes are a prefix of the
// next one's; revisions are kept with their SHA-256 so a re-shared file can be
// recognised (one of our revisions is a byte prefix of it).
export const envelopes = pgTable(
  "envelopes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    initiatorId: uuid("initiator_id")
      .notNull()
      .references(() => users.id),
    title: text("title").notNull(),
    status: text("status", { enum: ["in_progress", "completed", "cancelled"] }).notNull().default("in_progress"),
    /** Number of the newest revision; bumped with a conditional update when someone signs. */
    currentRevision: integer("current_revision").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp("completed_at", { withTimezone: true }),
  },
  (t) => [index("envelopes_initiator_idx").on(t.initiatorId, t.updatedAt)],
);
export type Envelope = typeof envelopes.$inferSelect;

export const envelopeRevisions = pgTable(
  "envelope_revisions",
  {
    envelopeId: uuid("envelope_id")
      .notNull()
      .references(() => envelopes.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    blobKey: text("blob_key").notNull(),
    size: bigint("size", { mode: "number" }).notNull(),
    sha256: text("sha256").notNull(),
    /** SHA-256 of the first 1,024 bytes: a cheap index to find candidate prefixes of an incoming file. */
    headSha256: text("head_sha256").notNull(),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    /** The signature field this revision added (null for the original upload). */
    fieldName: text("field_name"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.envelopeId, t.number] }), index("envelope_revisions_head_idx").on(t.headSha256), index("envelope_revisions_sha_idx").on(t.sha256)],
);
export type EnvelopeRevision = typeof envelopeRevisions.$inferSelect;

export const envelopeSigners = pgTable(
  "envelope_signers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    envelopeId: uuid("envelope_id")
      .notNull()
      .references(() => envelopes.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    /** Which membership (project, role, certificate) signs. */
    membershipId: uuid("membership_id").references(() => memberships.id),
    position: integer("position").notNull(),
    status: text("status", { enum: ["pending", "signed"] }).notNull().default("pending"),
    signedAt: timestamp("signed_at", { withTimezone: true }),
    signedRevision: integer("signed_revision"),
  },
  (t) => [uniqueIndex("envelope_signers_unique_idx").on(t.envelopeId, t.userId), index("envelope_signers_user_idx").on(t.userId, t.status)],
);
export type EnvelopeSigner = typeof envelopeSigners.$inferSelect;

export const envelopeEvents = pgTable(
  "envelope_events",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    envelopeId: uuid("envelope_id")
      .notNull()
      .references(() => envelopes.id, { onDelete: "cascade" }),
    actorId: uuid("actor_id").references(() => users.id),
    type: text("type").notNull(),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("envelope_events_envelope_idx").on(t.envelopeId, t.at)],
);
export type EnvelopeEvent = typeof envelopeEvents.$inferSelect;
