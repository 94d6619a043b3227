import { index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

// PDFs shared to the app when no service worker caught them (the server
// fallback of the share target). Kept before any login — a share must never be
// lost to a login redirect — and claimed by whoever holds the token, once.
export const shareInbox = pgTable(
  "share_inbox",
  {
    tokenHash: text("token_hash").primaryKey(),
    blobKey: text("blob_key").notNull(),
    fileName: text("file_name").notNull(),
    size: integer("size").notNull(),
    ip: text("ip"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    claimedAt: timestamp("claimed_at", { withTimezone: true }),
  },
  (t) => [index("share_inbox_ip_idx").on(t.ip, t.createdAt)],
);
