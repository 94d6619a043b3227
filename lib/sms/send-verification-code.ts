import "server-only";
import { randomInt } from "node:crypto";
import { and, count, desc, eq, gt, isNull, sql } from "drizzle-orm";
import { appendAuditEntry } from "@/lib/audit";
import { getDb } from "@/lib/db";
import { smsCodes } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { hashCode } from "./hash-code";
import { getSmsTransport } from "./get-sms-transport";
import { renderSmsText } from "./render-sms-text";
import { SMS_RULES } from "./rules";
import type { SmsPurpose } from "./transports/types";

export interface SendCodeOptions {
  phone: string;
  purpose: SmsPurpose;
  ip: string;
  now?: Date;
}

/**
 * Issues a fresh code and sends it. Limits are checked and the row written in
 * one transaction under a per-phone advisory lock, so two taps at once cannot
 * both pass the 60-second or daily check.
 */
export async function sendVerificationCode({ phone, purpose, ip, now = new Date() }: SendCodeOptions): Promise<{ resendAfterSeconds: number }> {
  const db = await getDb();
  const code = String(randomInt(0, 10 ** SMS_RULES.codeLength)).padStart(SMS_RULES.codeLength, "0");
  const dayAgo = new Date(now.getTime() - 24 * 3600_000);
  const hourAgo = new Date(now.getTime() - 3600_000);

  const id = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${"sms:phone:" + phone}))`);
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${"sms:ip:" + ip}))`);

    const [last] = await tx
      .select({ createdAt: smsCodes.createdAt })
      .from(smsCodes)
      .where(eq(smsCodes.phone, phone))
      .orderBy(desc(smsCodes.createdAt))
      .limit(1);
    if (last) {
      const waitMs = last.createdAt.getTime() + SMS_RULES.resendAfterMs - now.getTime();
      if (waitMs > 0) throw new AppError("SMS_RESEND_TOO_SOON", "resend too soon", { params: { seconds: Math.ceil(waitMs / 1000) } });
    }
    const [{ n: perPhone }] = (await tx
      .select({ n: count() })
      .from(smsCodes)
      .where(and(eq(smsCodes.phone, phone), gt(smsCodes.createdAt, dayAgo)))) as [{ n: number }];
    if (perPhone >= SMS_RULES.maxPerPhonePerDay) throw new AppError("SMS_DAILY_LIMIT", "daily limit", { params: { max: SMS_RULES.maxPerPhonePerDay } });

    const [{ n: ipHour }] = (await tx
      .select({ n: count() })
      .from(smsCodes)
      .where(and(eq(smsCodes.ip, ip), gt(smsCodes.createdAt, hourAgo)))) as [{ n: number }];
    const [{ n: ipDay }] = (await tx
      .select({ n: count() })
      .from(smsCodes)
      .where(and(eq(smsCodes.ip, ip), gt(smsCodes.createdAt, dayAgo)))) as [{ n: number }];
    if (ipHour >= SMS_RULES.maxPerIpPerHour || ipDay >= SMS_RULES.maxPerIpPerDay) throw new AppError("SMS_IP_LIMIT", "ip limit");

    // A new code replaces any earlier one for the same purpose.
    await tx
      .update(smsCodes)
      .set({ invalidatedAt: now })
      .where(and(eq(smsCodes.phone, phone), eq(smsCodes.purpose, purpose), isNull(smsCodes.consumedAt), isNull(smsCodes.invalidatedAt)));
    const [row] = await tx
      .insert(smsCodes)
      .values({
        phone,
        purpose,
        ip,
        codeHash: hashCode(phone, purpose, code),
        createdAt: now,
        expiresAt: new Date(now.getTime() + SMS_RULES.validMs),
      })
      .returning({ id: smsCodes.id });
    return row!.id;
  });

  try {
    const transport = await getSmsTransport();
    const minutes = SMS_RULES.validMs / 60_000;
    await transport.send({ phone, purpose, templateParams: [code, String(minutes)], text: renderSmsText(purpose, code, minutes) });
  } catch (e) {
    // A provider failure must not cost the user their 60-second window or a daily slot.
    await db.delete(smsCodes).where(eq(smsCodes.id, id));
    throw e instanceof AppError ? e : new AppError("SMS_PROVIDER_FAILED", "sms send failed", { cause: e });
  }
  await appendAuditEntry({ db, action: "sms.code_sent", subjectType: "phone", subjectId: phone, ip, data: { purpose } });
  return { resendAfterSeconds: SMS_RULES.resendAfterMs / 1000 };
}
