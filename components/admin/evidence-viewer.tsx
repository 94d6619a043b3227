"use client";

import { Eye } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { grantEvidenceAccessAction } from "@/app/(admin)/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

interface EvidenceFile {
  file: string;
  label: string;
  gone?: boolean;
}

/** The images only appear after the admin states a reason; each image read is audited on the server. */
export function EvidenceViewer({ verificationId, files }: { verificationId: string; files: EvidenceFile[] }) {
  const t = useTranslations("admin.identity");
  const [grant, setGrant] = useState<{ grantId: string; expiresAt: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();

  if (!grant)
    return (
      <form
        className="space-y-3 rounded-2xl bg-amber-50 p-4 ring-1 ring-amber-200"
        onSubmit={(e) => {
          e.preventDefault();
          const reason = String(new FormData(e.currentTarget).get("reason") ?? "");
          start(async () => {
            const r = await grantEvidenceAccessAction(null, { verificationId, reason });
            if (!r.ok) setError(r.fieldErrors?.reason ?? r.message);
            else setGrant(r.data);
          });
        }}
      >
        <p className="text-sm text-amber-900">{t("evidenceNotice")}</p>
        <Field id="reason" label={t("reason")} error={error ?? undefined}>
          <Input id="reason" name="reason" maxLength={200} placeholder={t("reasonPlaceholder")} />
        </Field>
        <Button type="submit" disabled={pending}>
          <Eye className="h-4 w-4" aria-hidden />
          {t("viewEvidence")}
        </Button>
      </form>
    );

  return (
    <section className="space-y-3" data-testid="evidence">
      <Alert tone="info">{t("grantedUntil", { at: new Date(grant.expiresAt).toLocaleTimeString("zh-CN", { timeZone: "Asia/Shanghai" }) })}</Alert>
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-3">
        {files.map((f) => (
          <figure key={f.file} className="space-y-1">
            {f.gone ? (
              <div className="flex aspect-[4/3] items-center justify-center rounded-xl bg-slate-100 text-xs text-slate-500">{t("purged")}</div>
            ) : (
              // eslint-disable-next-line @next/next/no-img-element -- private, uncached, never optimised
              <img src={`/api/admin/evidence/${grant.grantId}/${f.file}`} alt={f.label} className="w-full rounded-xl bg-slate-100 ring-1 ring-slate-200" data-file={f.file} />
            )}
            <figcaption className="text-xs text-slate-500">{f.label}</figcaption>
          </figure>
        ))}
      </div>
    </section>
  );
}
