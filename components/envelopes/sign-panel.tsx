"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import dynamic from "next/dynamic";
import { useState, useTransition } from "react";
import { signEnvelopeAction } from "@/app/(app)/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { cn } from "@/lib/cn";
import type { Placement } from "@/lib/envelopes/sign.schema";

// pdf.js needs the browser: never render it on the server.
const PdfPlacer = dynamic(() => import("./pdf-placer").then((m) => m.PdfPlacer), { ssr: false });

/** Steps 1-2-3: place the signature, check it, enter the PIN and sign. */
export function SignPanel({ envelopeId, revision, canSign, signatureUrl }: { envelopeId: string; revision: number; canSign: boolean; signatureUrl: string | null }) {
  const t = useTranslations("sign");
  const router = useRouter();
  const [placements, setPlacements] = useState<Placement[]>([]);
  const [asking, setAsking] = useState(false);
  const [pin, setPin] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const step = !canSign ? 0 : asking ? 3 : placements.length > 0 ? 2 : 1;

  const submit = () =>
    start(async () => {
      setError(null);
      const r = await signEnvelopeAction(null, { envelopeId, pin, placements });
      if (!r.ok) {
        setError(r.fieldErrors?.pin ?? r.message);
        return;
      }
      setAsking(false);
      setPin("");
      setDone(r.data.completed ? t("signedAll") : t("signedMine"));
      router.refresh();
    });

  return (
    <div className="space-y-3">
      {canSign && (
        <ol className="grid grid-cols-3 gap-2 text-center text-xs" aria-label={t("steps")}>
          {[t("step1"), t("step2"), t("step3")].map((label, i) => (
            <li key={label} className={cn("rounded-lg px-2 py-2 ring-1", step === i + 1 ? "bg-brand-600 text-white ring-brand-600" : step > i + 1 ? "bg-emerald-50 text-emerald-700 ring-emerald-200" : "bg-white text-slate-500 ring-slate-200")}>
              {i + 1}. {label}
            </li>
          ))}
        </ol>
      )}
      <PdfPlacer key={revision} fileUrl={`/api/envelopes/${envelopeId}/file?revision=${revision}`} signatureUrl={signatureUrl} canPlace={canSign && !pending} onChange={setPlacements} />
      {done && <Alert tone="success">{done}</Alert>}
      {canSign && !asking && (
        <Button size="lg" className="w-full" onClick={() => setAsking(true)}>
          {placements.length > 0 ? t("signHere", { n: placements.length }) : t("signInvisible")}
        </Button>
      )}
      {canSign && asking && (
        <div role="dialog" aria-label={t("pinTitle")} className="space-y-3 rounded-2xl bg-white p-4 shadow-lg ring-1 ring-slate-200">
          <label htmlFor="sign-pin" className="block font-medium">
            {t("pinTitle")}
          </label>
          <Input id="sign-pin" type="password" inputMode="numeric" autoComplete="off" maxLength={32} value={pin} onChange={(e) => setPin(e.target.value)} autoFocus />
          {error && <Alert>{error}</Alert>}
          <div className="grid grid-cols-2 gap-2">
            <Button variant="secondary" onClick={() => setAsking(false)} disabled={pending}>
              {t("cancel")}
            </Button>
            <Button onClick={submit} disabled={pending || pin.length === 0}>
              {pending ? t("signing") : t("confirmSign")}
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}
