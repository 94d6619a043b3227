import { desc, eq } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { smsOutbox } from "@/lib/db/schema";

/** Reads the newest code sent to a phone through the outbox transport. */
export async function latestCode(phone: string): Promise<string> {
  const db = await getDb();
  const [row] = await db.select().from(smsOutbox).where(eq(smsOutbox.phone, phone)).orderBy(desc(smsOutbox.createdAt)).limit(1);
  const code = row?.text.match(/\d{6}/)?.[0];
  if (!code) throw new Error(`no code in outbox for ${phone}`);
  return code;
}
