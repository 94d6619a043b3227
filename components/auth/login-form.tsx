"use client";

import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { loginAction, sendLoginCodeAction } from "@/app/(public)/actions";
import { SendCodeButton } from "@/components/auth/send-code-button";
import { useActionForm } from "@/components/hooks/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { ActionResult } from "@/lib/actions/action-result";
import { maskPhone, normalisePhone } from "@/lib/validation/phone";

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations();
  const { state, onSubmit, pending } = useActionForm(loginAction);
  const [notice, setNotice] = useState<ActionResult<{ resendAfterSeconds: number }> | null>(null);
  const [sentTo, setSentTo] = useState("");
  const phoneRef = useRef<HTMLInputElement>(null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const sendErrors = notice && !notice.ok ? (notice.fieldErrors ?? {}) : {};

  return (
    <form onSubmit={onSubmit} className="space-y-5" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Field id="phone" label={t("login.phone")} error={errors.phone ?? sendErrors.phone}>
        <Input id="phone" name="phone" ref={phoneRef} type="tel" inputMode="numeric" autoComplete="tel" maxLength={20} required aria-invalid={!!(errors.phone ?? sendErrors.phone)} />
      </Field>
      <Field id="code" label={t("login.code")} error={errors.code}>
        <div className="flex gap-2">
          <Input id="code" name="code" inputMode="numeric" autoComplete="one-time-code" maxLength={6} required aria-invalid={!!errors.code} />
          <SendCodeButton getPhone={() => phoneRef.current?.value ?? ""} send={(phone) => sendLoginCodeAction(null, { phone })} onResult={(r, phone) => {
              setNotice(r);
              setSentTo(phone);
            }} />
        </div>
      </Field>
      {notice?.ok && <Alert tone="success">{t("register.codeSent", { phone: maskPhone(normalisePhone(sentTo)) })}</Alert>}
      {notice && !notice.ok && !notice.fieldErrors && <Alert>{notice.message}</Alert>}
      {state && !state.ok && state.code !== "INVALID_INPUT" && <Alert>{state.message}</Alert>}
      <Button type="submit" size="lg" className="w-full" disabled={pending}>
        {t("login.submit")}
      </Button>
    </form>
  );
}
