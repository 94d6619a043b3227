import "server-only";
import { desc, eq } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { handwrittenSignatures, type HandwrittenSignature } from "@/lib/db/schema";

/** The user's current (newest) handwritten signature, or null. */
export async function getHandwrittenSignature({ userId }: { userId: string }): Promise<HandwrittenSignature | null> {
  const db = await getDb();
  const [row] = await db.select().from(handwrittenSignatures).where(eq(handwrittenSignatures.userId, userId)).orderBy(desc(handwrittenSignatures.createdAt)).limit(1);
  return row ?? null;
}
