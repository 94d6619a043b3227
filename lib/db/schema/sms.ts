import { index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

// One row per code sent. The code itself is never stored: only an HMAC.
export const smsCodes = pgTable(
  "sms_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    phone: text("phone").notNull(),
    purpose: text("purpose").notNull(),
    codeHash: text("code_hash").notNull(),
    ip: text("ip"),
    attempts: integer("attempts").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    consumedAt: timestamp("consumed_at", { withTimezone: true }),
    /** Set when a newer code replaced this one or it was burnt by wrong tries. */
    invalidatedAt: timestamp("invalidated_at", { withTimezone: true }),
  },
  (t) => [
    index("sms_codes_phone_idx").on(t.phone, t.createdAt),
    index("sms_codes_ip_idx").on(t.ip, t.createdAt),
  ],
);
export type SmsCode = typeof smsCodes.$inferSelect;

// The development transport: messages land here and show at /dev/outbox.
export const smsOutbox = pgTable(
  "sms_outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    phone: text("phone").notNull(),
    purpose: text("purpose").notNull(),
    text: text("text").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("sms_outbox_phone_idx").on(t.phone, t.createdAt)],
);
