"use client";

import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { ActionResult } from "@/lib/actions/action-result";
import { maskPhone, normalisePhone } from "@/lib/validation/phone";
import { SendCodeButton } from "./send-code-button";

type SendResult = ActionResult<{ resendAfterSeconds: number }>;

/** Mobile number + SMS code with 获取验证码, shared by 注册 and 登录. */
export function PhoneCodeFields({ send, errors, phoneLabel, codeLabel }: { send: (phone: string) => Promise<SendResult>; errors: Record<string, string>; phoneLabel: string; codeLabel: string }) {
  const t = useTranslations("register");
  const phoneRef = useRef<HTMLInputElement>(null);
  const [notice, setNotice] = useState<SendResult | null>(null);
  const [sentTo, setSentTo] = useState("");
  const phoneError = errors.phone ?? (notice && !notice.ok ? notice.fieldErrors?.phone : undefined);
  return (
    <>
      <Field id="phone" label={phoneLabel} error={phoneError}>
        <Input id="phone" name="phone" ref={phoneRef} type="tel" inputMode="numeric" autoComplete="tel" maxLength={20} required aria-invalid={!!phoneError} />
      </Field>
      <Field id="code" label={codeLabel} error={errors.code}>
        <div className="flex gap-2">
          <Input id="code" name="code" inputMode="numeric" autoComplete="one-time-code" maxLength={6} required aria-invalid={!!errors.code} />
          <SendCodeButton
            getPhone={() => phoneRef.current?.value ?? ""}
            send={send}
            onResult={(r, phone) => {
              setNotice(r);
              setSentTo(phone);
            }}
          />
        </div>
      </Field>
      {notice?.ok && <Alert tone="success">{t("codeSent", { phone: maskPhone(normalisePhone(sentTo)) })}</Alert>}
      {notice && !notice.ok && !notice.fieldErrors && <Alert>{notice.message}</Alert>}
    </>
  );
}
