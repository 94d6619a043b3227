import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, count, eq, gt } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { shareInbox } from "@/lib/db/schema";
import { inspectPdf } from "@/lib/envelopes/inspect-pdf";
import { AppError } from "@/lib/errors";
import { getBlobStorage } from "@/lib/storage";

const TTL_MS = 60 * 60_000;
const MAX_PER_IP_PER_HOUR = 20;

export const hashShareToken = (token: string) => createHash("sha256").update(token).digest("hex");

/**
 * Keeps a PDF that arrived through the share target without a service worker.
 * Anonymous by necessity, so it is checked like any upload, capped per IP,
 * and expires after an hour unless claimed.
 */
export async function stashSharedFile({ fileName, bytes, ip }: { fileName: string; bytes: Uint8Array; ip: string }): Promise<string> {
  await inspectPdf(bytes);
  const db = await getDb();
  const [{ n }] = (await db
    .select({ n: count() })
    .from(shareInbox)
    .where(and(eq(shareInbox.ip, ip), gt(shareInbox.createdAt, new Date(Date.now() - 3600_000))))) as [{ n: number }];
  if (n >= MAX_PER_IP_PER_HOUR) throw new AppError("RATE_LIMITED", "too many shared files from this address");
  const token = randomBytes(24).toString("base64url");
  const key = `inbox/${hashShareToken(token).slice(0, 32)}.pdf`;
  await getBlobStorage().put(key, bytes, { contentType: "application/pdf", maxBytes: bytes.length });
  await db.insert(shareInbox).values({ tokenHash: hashShareToken(token), blobKey: key, fileName: fileName.slice(0, 200), size: bytes.length, ip, expiresAt: new Date(Date.now() + TTL_MS) });
  return token;
}
