"use client";

import { useTranslations } from "next-intl";
import { loginAction, sendLoginCodeAction } from "@/app/(public)/actions";
import { PhoneCodeFields } from "@/components/auth/phone-code-fields";
import { useActionForm } from "@/components/hooks/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations();
  const { state, onSubmit, pending } = useActionForm(loginAction);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};

  return (
    <form onSubmit={onSubmit} className="space-y-5" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <PhoneCodeFields send={(phone) => sendLoginCodeAction(null, { phone })} errors={errors} phoneLabel={t("login.phone")} codeLabel={t("login.code")} />
      {state && !state.ok && state.code !== "INVALID_INPUT" && <Alert>{state.message}</Alert>}
      <Button type="submit" size="lg" className="w-full" disabled={pending}>
        {t("login.submit")}
      </Button>
    </form>
  );
}
