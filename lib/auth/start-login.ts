import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { users } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { verifyVerificationCode } from "@/lib/sms";
import { issueLoginTicket } from "./issue-login-ticket";

/** Checks that the phone has an account, so no SMS is spent on strangers. */
export async function assertAccountExists({ phone }: { phone: string }): Promise<string> {
  const db = await getDb();
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.phone, phone));
  if (!user) throw new AppError("NOT_REGISTERED");
  return user.id;
}

/** Phone + SMS code → a single-use ticket for the Auth.js provider. */
export async function startLogin({ phone, code }: { phone: string; code: string }): Promise<string> {
  const userId = await assertAccountExists({ phone });
  await verifyVerificationCode({ phone, purpose: "login", code });
  return issueLoginTicket({ userId });
}
