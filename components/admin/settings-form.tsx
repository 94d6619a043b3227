"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { updateSettingAction } from "@/app/(admin)/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { SettingKey } from "@/lib/settings/registry";

/** One setting, saved on its own (each save is one audited change). */
export function SettingsForm({ settingKey, initial }: { settingKey: SettingKey; initial: string }) {
  const t = useTranslations("admin.settings");
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [pending, start] = useTransition();
  return (
    <form
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        const value = String(new FormData(e.currentTarget).get("value") ?? "");
        start(async () => {
          setSaved(false);
          const r = await updateSettingAction(null, { key: settingKey, value });
          if (!r.ok) setError(r.fieldErrors?.value ?? r.message);
          else {
            setError(null);
            setSaved(true);
          }
        });
      }}
    >
      <Field id={settingKey} label={t(`${settingKey}.label`)} hint={t(`${settingKey}.hint`)} error={error ?? undefined}>
        <Input id={settingKey} name="value" inputMode="numeric" defaultValue={initial} maxLength={40} />
      </Field>
      {saved && <Alert tone="success">{t("saved")}</Alert>}
      <Button type="submit" disabled={pending}>
        {t("save")}
      </Button>
    </form>
  );
}
