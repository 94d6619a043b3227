import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { envelopes, envelopeSigners, users } from "@/lib/db/schema";
import { getSmsTransport } from "@/lib/sms";

/**
 * Tells the signers still pending that a document waits for them (SMS; the
 * to-sign list shows it too). Best effort: a failed SMS never undoes a
 * signature, it is logged.
 */
export async function notifyNextSigners({ envelopeId, actorId }: { envelopeId: string; actorId: string }) {
  const db = await getDb();
  const [env] = await db.select().from(envelopes).where(eq(envelopes.id, envelopeId));
  if (!env || env.status !== "in_progress") return 0;
  const pending = await db
    .select({ phone: users.phone, userId: users.id })
    .from(envelopeSigners)
    .innerJoin(users, eq(users.id, envelopeSigners.userId))
    .where(and(eq(envelopeSigners.envelopeId, envelopeId), eq(envelopeSigners.status, "pending")));
  const transport = await getSmsTransport();
  let sent = 0;
  for (const p of pending.filter((p) => p.userId !== actorId)) {
    const title = env.title.length > 12 ? `${env.title.slice(0, 11)}…` : env.title;
    try {
      await transport.send({ phone: p.phone, purpose: "notify", templateParams: [title], text: `【云签署】文件《${env.title}》等待您签署，请打开云签署“签署”页查看。` });
      sent++;
    } catch (e) {
      console.warn("[envelopes] notify failed", envelopeId, e instanceof Error ? e.message : e);
    }
  }
  return sent;
}
