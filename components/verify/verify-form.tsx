"use client";

import { CheckCircle2, ShieldAlert, ShieldCheck, XCircle } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import type { SignatureView } from "@/lib/verification/verify-uploaded-pdf";

const fmt = (iso: string) => new Date(iso).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false });

export function VerifyForm() {
  const t = useTranslations("verify");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<{ fileName: string; signatures: SignatureView[] } | null>(null);

  const check = async (file: File) => {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const form = new FormData();
      form.set("file", file);
      const res = await fetch("/api/verify", { method: "POST", body: form });
      const body = (await res.json().catch(() => null)) as { ok: boolean; message?: string; signatures?: SignatureView[] } | null;
      if (!body?.ok) setError(body?.message ?? t("failed"));
      else setResult({ fileName: file.name, signatures: body.signatures ?? [] });
    } catch {
      setError(t("failed"));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="space-y-4">
      <label className="block">
        <span className="sr-only">{t("choose")}</span>
        <input type="file" accept="application/pdf,.pdf" data-testid="verify-upload" className="block w-full text-sm file:mr-3 file:rounded-lg file:border-0 file:bg-brand-600 file:px-4 file:py-2 file:text-white" onChange={(e) => e.target.files?.[0] && void check(e.target.files[0])} disabled={busy} />
      </label>
      {busy && <p className="text-sm text-slate-500">{t("checking")}</p>}
      {error && <Alert>{error}</Alert>}
      {result && result.signatures.length === 0 && <Alert tone="info">{t("none")}</Alert>}
      {result?.signatures.map((s, i) => (
        <Card key={s.fieldName} data-testid="verify-signature" data-intact={s.intact} className="space-y-2">
          <div className="flex items-center gap-2 font-semibold">
            {s.intact ? <CheckCircle2 className="h-5 w-5 text-emerald-600" aria-hidden /> : <XCircle className="h-5 w-5 text-red-600" aria-hidden />}
            {t("signatureN", { n: i + 1 })}：{s.intact ? t("intact") : t("broken")}
          </div>
          <dl className="grid grid-cols-[6.5rem_1fr] gap-x-2 gap-y-1 text-sm">
            <dt className="text-slate-500">{t("signer")}</dt>
            <dd className="break-all">{s.signer ?? "—"}</dd>
            <dt className="text-slate-500">{t("time")}</dt>
            <dd>{s.signingTime ? fmt(s.signingTime) : "—"}</dd>
            <dt className="text-slate-500">{t("timestamp")}</dt>
            <dd>{s.timestamp ? `${fmt(s.timestamp.time)}（${s.timestamp.valid ? t("valid") : t("invalid")}）` : t("noTimestamp")}</dd>
            <dt className="text-slate-500">{t("coverage")}</dt>
            <dd>{s.coversWholeFile ? t("wholeFile") : t("revisionN", { n: s.revision })}</dd>
            <dt className="text-slate-500">{t("after")}</dt>
            <dd>{t(`changes.${s.changesAfter}`)}</dd>
            <dt className="text-slate-500">{t("chain")}</dt>
            <dd className="flex items-center gap-1">
              {s.chain === "trusted" ? <ShieldCheck className="h-4 w-4 text-emerald-600" aria-hidden /> : <ShieldAlert className="h-4 w-4 text-amber-500" aria-hidden />}
              {t(`chainStatus.${s.chain}`)}
            </dd>
          </dl>
          {s.problems.length > 0 && <p className="text-xs text-red-600">{s.problems.join("；")}</p>}
        </Card>
      ))}
    </div>
  );
}
