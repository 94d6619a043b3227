"use client";

import { Languages } from "lucide-react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useTransition } from "react";
import { setLocaleAction } from "@/app/(public)/actions";
import { cn } from "@/lib/cn";
import { LOCALES } from "@/lib/i18n/locales";

const NAMES: Record<(typeof LOCALES)[number], string> = { "zh-CN": "简体中文", en: "English" };

export function LocaleSwitcher() {
  const t = useTranslations("common");
  const current = useLocale();
  const router = useRouter();
  const [pending, start] = useTransition();
  return (
    <div className="flex items-center justify-between rounded-2xl bg-white px-4 py-3 ring-1 ring-slate-200">
      <span className="flex items-center gap-2 text-sm text-slate-600">
        <Languages className="h-4 w-4" aria-hidden />
        {t("language")}
      </span>
      <div className="flex gap-1" role="group" aria-label={t("language")}>
        {LOCALES.map((l) => (
          <button
            key={l}
            type="button"
            disabled={pending}
            aria-pressed={current === l}
            onClick={() =>
              start(async () => {
                await setLocaleAction(null, { locale: l });
                router.refresh();
              })
            }
            className={cn("rounded-lg px-3 py-1.5 text-sm", current === l ? "bg-brand-600 text-white" : "text-slate-600 hover:bg-slate-100")}
          >
            {NAMES[l]}
          </button>
        ))}
      </div>
    </div>
  );
}
