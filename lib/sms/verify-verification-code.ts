import "server-only";
import { and, desc, eq, gt, isNull, lt, sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { smsCodes } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { codeMatches } from "./hash-code";
import { SMS_RULES } from "./rules";
import type { SmsPurpose } from "./transports/types";

export interface VerifyCodeOptions {
  phone: string;
  purpose: SmsPurpose;
  code: string;
  now?: Date;
}

/**
 * Checks and consumes the newest live code. Every wrong try is counted with a
 * conditional update, so parallel guesses cannot exceed the limit; the fifth
 * wrong try burns the code. Deliberately never runs inside a caller's
 * transaction: a rollback there would also roll back the wrong-try count.
 */
export async function verifyVerificationCode({ phone, purpose, code, now = new Date() }: VerifyCodeOptions): Promise<void> {
  const db = await getDb();
  const [row] = await db
    .select()
    .from(smsCodes)
    .where(and(eq(smsCodes.phone, phone), eq(smsCodes.purpose, purpose), isNull(smsCodes.consumedAt)))
    .orderBy(desc(smsCodes.createdAt))
    .limit(1);
  if (!row) throw new AppError("SMS_CODE_INVALID", "no live code", { params: { remaining: 0 } });
  if (row.attempts >= SMS_RULES.maxWrongTries) throw new AppError("SMS_CODE_LOCKED", "code locked");
  if (row.invalidatedAt) throw new AppError("SMS_CODE_INVALID", "code replaced", { params: { remaining: 0 } });
  if (row.expiresAt <= now) throw new AppError("SMS_CODE_EXPIRED", "code expired");

  if (codeMatches(row.codeHash, phone, purpose, code)) {
    const consumed = await db
      .update(smsCodes)
      .set({ consumedAt: now })
      .where(
        and(
          eq(smsCodes.id, row.id),
          isNull(smsCodes.consumedAt),
          isNull(smsCodes.invalidatedAt),
          lt(smsCodes.attempts, SMS_RULES.maxWrongTries),
          gt(smsCodes.expiresAt, now),
        ),
      )
      .returning({ id: smsCodes.id });
    if (consumed.length === 1) return;
    throw new AppError("SMS_CODE_INVALID", "code already used", { params: { remaining: 0 } });
  }

  const [counted] = await db
    .update(smsCodes)
    .set({ attempts: sql`${smsCodes.attempts} + 1` })
    .where(and(eq(smsCodes.id, row.id), lt(smsCodes.attempts, SMS_RULES.maxWrongTries)))
    .returning({ attempts: smsCodes.attempts });
  const attempts = counted?.attempts ?? SMS_RULES.maxWrongTries;
  if (attempts >= SMS_RULES.maxWrongTries) {
    await db.update(smsCodes).set({ invalidatedAt: now }).where(and(eq(smsCodes.id, row.id), isNull(smsCodes.invalidatedAt)));
    throw new AppError("SMS_CODE_LOCKED", "too many wrong tries");
  }
  throw new AppError("SMS_CODE_INVALID", "wrong code", { params: { remaining: SMS_RULES.maxWrongTries - attempts } });
}
