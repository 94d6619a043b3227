import "server-only";
import { and, eq, gt, isNull } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { shareInbox } from "@/lib/db/schema";
import { openIncomingPdf } from "@/lib/envelopes/open-incoming-pdf";
import { AppError } from "@/lib/errors";
import { getBlobStorage } from "@/lib/storage";
import { hashShareToken } from "./stash-shared-file";

/** The signed-in user takes the stashed file: it opens as (or continues) an envelope. */
export async function claimSharedFile({ actorId, token, ip }: { actorId: string; token: string; ip?: string | null }) {
  const db = await getDb();
  const [row] = await db
    .update(shareInbox)
    .set({ claimedAt: new Date() })
    .where(and(eq(shareInbox.tokenHash, hashShareToken(token)), isNull(shareInbox.claimedAt), gt(shareInbox.expiresAt, new Date())))
    .returning();
  if (!row) throw new AppError("NOT_FOUND", "share expired or already opened");
  const storage = getBlobStorage();
  const bytes = await storage.get(row.blobKey);
  const result = await openIncomingPdf({ actorId, fileName: row.fileName, bytes, ip });
  await storage.delete(row.blobKey);
  return result;
}
