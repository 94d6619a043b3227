"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { publicAction } from "@/lib/actions/validated-action";
import { signIn } from "@/lib/auth/auth";
import { safeCallbackUrl } from "@/lib/auth/guards";
import { LoginSchema, SendLoginCodeSchema } from "@/lib/auth/login.schema";
import { assertAccountExists, startLogin } from "@/lib/auth/start-login";
import { LOCALES } from "@/lib/i18n/locales";
import { sendVerificationCode } from "@/lib/sms";

export const sendLoginCodeAction = publicAction(SendLoginCodeSchema, async ({ phone }, { ip }) => {
  await assertAccountExists({ phone });
  return sendVerificationCode({ phone, purpose: "login", ip });
});

export const loginAction = publicAction(LoginSchema, async ({ phone, code, callbackUrl }) => {
  const ticket = await startLogin({ phone, code });
  await signIn("ticket", { ticket, redirect: false });
  redirect(safeCallbackUrl(callbackUrl));
});

export const setLocaleAction = publicAction(z.object({ locale: z.enum(LOCALES) }), async ({ locale }) => {
  (await cookies()).set("NEXT_LOCALE", locale, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax" });
  return { locale };
});
