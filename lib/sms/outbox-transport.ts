import "server-only";
import { getDb } from "@/lib/db";
import { smsOutbox } from "@/lib/db/schema";
import type { SmsMessage, SmsSendResult, SmsTransport } from "./transports/types";

/** Development transport: the message is stored and shown at /dev/outbox. */
export function createOutboxTransport(): SmsTransport {
  return {
    name: "outbox",
    async send(msg: SmsMessage): Promise<SmsSendResult> {
      const db = await getDb();
      const [row] = await db
        .insert(smsOutbox)
        .values({ phone: msg.phone, purpose: msg.purpose, text: msg.text })
        .returning({ id: smsOutbox.id });
      return { provider: "outbox", messageId: row!.id };
    },
  };
}
