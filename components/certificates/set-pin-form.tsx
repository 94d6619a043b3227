"use client";

import { KeyRound } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { setPinAction } from "@/app/(onboarding)/actions";
import { useActionForm } from "@/components/hooks/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

/** Onboarding step `certified`: PIN twice → key pair and certificate issued on the server. */
export function SetPinForm({ membershipId, subject }: { membershipId: string; subject: string }) {
  const t = useTranslations("pin");
  const { state, onSubmit, pending } = useActionForm(setPinAction);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};

  if (state?.ok) {
    const { serialHex, notBefore, notAfter } = state.data;
    const fmt = (s: string) => new Date(s).toLocaleDateString("zh-CN", { timeZone: "Asia/Shanghai" });
    return (
      <div className="space-y-4" data-testid="certificate-issued">
        <Alert tone="success">{t("issued")}</Alert>
        <Card>
          <dl className="space-y-2 text-sm">
            <div>
              <dt className="text-slate-500">{t("subject")}</dt>
              <dd className="font-medium">{subject}</dd>
            </div>
            <div>
              <dt className="text-slate-500">{t("serial")}</dt>
              <dd className="font-mono text-xs break-all">{serialHex}</dd>
            </div>
            <div>
              <dt className="text-slate-500">{t("validity")}</dt>
              <dd>
                {fmt(notBefore)} – {fmt(notAfter)}
              </dd>
            </div>
          </dl>
        </Card>
        <Button asChild size="lg" className="w-full">
          <Link href={`/onboarding/${membershipId}/signature_ready`}>{t("next")}</Link>
        </Button>
      </div>
    );
  }

  return (
    <form onSubmit={onSubmit} className="space-y-5" noValidate>
      <input type="hidden" name="membershipId" value={membershipId} />
      <Card className="flex gap-3 text-sm text-slate-600">
        <KeyRound className="h-5 w-5 shrink-0 text-brand-600" aria-hidden />
        <p>{t("intro")}</p>
      </Card>
      <Field id="pin" label={t("pin")} hint={t("rules")} error={errors.pin}>
        <Input id="pin" name="pin" type="password" inputMode="numeric" autoComplete="new-password" maxLength={32} aria-invalid={!!errors.pin} />
      </Field>
      <Field id="pinConfirm" label={t("pinConfirm")} error={errors.pinConfirm}>
        <Input id="pinConfirm" name="pinConfirm" type="password" inputMode="numeric" autoComplete="new-password" maxLength={32} aria-invalid={!!errors.pinConfirm} />
      </Field>
      {state && !state.ok && state.code !== "INVALID_INPUT" && <Alert>{state.message}</Alert>}
      <Button type="submit" size="lg" className="w-full" disabled={pending}>
        {pending ? t("issuing") : t("submit")}
      </Button>
    </form>
  );
}
