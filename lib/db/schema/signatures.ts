import { index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { bytea } from "./custom-types";
import { users } from "./users";

// A user's handwritten signature, drawn with signature_pad. Small (≤ 200 KB)
// so it lives in the database, next to the rows that reference it. Redrawing
// adds a row; the newest one is current and earlier signed PDFs keep theirs.
export const handwrittenSignatures = pgTable(
  "handwritten_signatures",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    png: bytea("png").notNull(),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    sha256: text("sha256").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("handwritten_signatures_user_idx").on(t.userId, t.createdAt)],
);
export type HandwrittenSignature = typeof handwrittenSignatures.$inferSelect;
