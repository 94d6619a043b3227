"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { registerAction, sendRegisterCodeAction } from "@/app/(onboarding)/actions";
import { PhoneCodeFields } from "@/components/auth/phone-code-fields";
import { useActionForm } from "@/components/hooks/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

interface RoleOption {
  id: string;
  name: string;
  detail: string;
}

export function RegisterForm({ projectSlug, roles }: { projectSlug: string; roles: RoleOption[] }) {
  const t = useTranslations("register");
  const { state, onSubmit, pending } = useActionForm(registerAction);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};

  return (
    <form onSubmit={onSubmit} className="space-y-5" noValidate>
      <input type="hidden" name="projectSlug" value={projectSlug} />
      <fieldset className="space-y-2">
        <legend className="mb-1.5 text-sm font-medium text-slate-700">{t("role")}</legend>
        {roles.map((r) => (
          <label key={r.id} className="flex cursor-pointer items-center gap-3 rounded-xl bg-white px-4 py-3 ring-1 ring-slate-200 has-[:checked]:ring-2 has-[:checked]:ring-brand-500">
            <input type="radio" name="roleId" value={r.id} className="h-5 w-5 accent-brand-600" required />
            <span>
              <span className="block font-medium">{r.name}</span>
              <span className="block text-xs text-slate-500">{r.detail}</span>
            </span>
          </label>
        ))}
        {errors.roleId && (
          <p role="alert" className="text-sm text-red-600">
            {errors.roleId}
          </p>
        )}
      </fieldset>

      <Field id="realName" label={t("realName")} hint={t("realNameHint")} error={errors.realName}>
        <Input id="realName" name="realName" autoComplete="name" maxLength={30} required aria-invalid={!!errors.realName} />
      </Field>

      <PhoneCodeFields send={(phone) => sendRegisterCodeAction(null, { projectSlug, phone })} errors={errors} phoneLabel={t("phone")} codeLabel={t("code")} />

      <div>
        <label className="flex items-start gap-2 text-sm text-slate-700">
          <input type="checkbox" name="agreement" value="on" className="mt-0.5 h-5 w-5 accent-brand-600" />
          <span>
            {t("agreement")}
            <Link href="/legal/agreement" target="_blank" className="text-brand-600 underline">
              {t("agreementLink")}
            </Link>
          </span>
        </label>
        {errors.agreement && (
          <p role="alert" className="mt-1 text-sm text-red-600">
            {errors.agreement}
          </p>
        )}
      </div>

      {state && !state.ok && state.code !== "INVALID_INPUT" && <Alert>{state.message}</Alert>}

      <Button type="submit" size="lg" className="w-full" disabled={pending}>
        {t("submit")}
      </Button>
      <p className="text-center text-sm text-slate-500">
        {t("haveAccount")}{" "}
        <Link href={`/login?callbackUrl=${encodeURIComponent(`/projects/${projectSlug}`)}`} className="text-brand-600">
          {t("toLogin")}
        </Link>
      </p>
    </form>
  );
}
