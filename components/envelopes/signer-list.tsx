"use client";

import { CheckCircle2, Clock, UserPlus, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { addSignerAction, removeSignerAction } from "@/app/(app)/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

export interface SignerView {
  id: string;
  name: string;
  phone: string;
  status: "pending" | "signed";
  signedAt: string | null;
  isMe: boolean;
}

/** 签署人: who signs, who has; the initiator adds (name + mobile) and removes. */
export function SignerList({ envelopeId, signers, canEdit }: { envelopeId: string; signers: SignerView[]; canEdit: boolean }) {
  const t = useTranslations("sign");
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [open, setOpen] = useState(false);

  const add = (form: HTMLFormElement) =>
    start(async () => {
      const data = Object.fromEntries(new FormData(form)) as Record<string, string>;
      const r = await addSignerAction(null, { envelopeId, realName: data.realName, phone: data.phone });
      setFieldErrors(r.ok ? {} : (r.fieldErrors ?? {}));
      setError(r.ok || r.fieldErrors ? null : r.message);
      if (r.ok) {
        form.reset();
        setOpen(false);
      }
    });

  return (
    <section className="space-y-2" aria-labelledby="signers-title">
      <h2 id="signers-title" className="text-sm font-medium text-slate-500">
        {t("signers")}
      </h2>
      <ul className="divide-y divide-slate-100 rounded-2xl bg-white ring-1 ring-slate-200" data-testid="signer-list">
        {signers.map((s) => (
          <li key={s.id} className="flex items-center gap-3 px-4 py-3">
            {s.status === "signed" ? <CheckCircle2 className="h-5 w-5 text-emerald-600" aria-hidden /> : <Clock className="h-5 w-5 text-amber-500" aria-hidden />}
            <span className="flex-1">
              <span className="font-medium">{s.name}</span>
              {s.isMe && <span className="ml-1 text-xs text-brand-600">（{t("me")}）</span>}
              <span className="block text-xs text-slate-500">
                {s.phone} · {s.status === "signed" ? t("signedAt", { at: s.signedAt ?? "" }) : t("notSigned")}
              </span>
            </span>
            {canEdit && s.status === "pending" && (
              <button type="button" aria-label={t("removeSigner", { name: s.name })} disabled={pending} onClick={() => start(async () => void (await removeSignerAction(null, { envelopeId, signerId: s.id })))} className="rounded-full p-1 text-slate-400 hover:bg-slate-100">
                <X className="h-4 w-4" />
              </button>
            )}
          </li>
        ))}
      </ul>
      {canEdit &&
        (open ? (
          <form
            className="space-y-2 rounded-2xl bg-white p-4 ring-1 ring-slate-200"
            onSubmit={(e) => {
              e.preventDefault();
              add(e.currentTarget);
            }}
          >
            <Input name="realName" placeholder={t("signerName")} aria-label={t("signerName")} maxLength={30} aria-invalid={!!fieldErrors.realName} />
            {fieldErrors.realName && <p className="text-sm text-red-600">{fieldErrors.realName}</p>}
            <Input name="phone" type="tel" inputMode="numeric" placeholder={t("signerPhone")} aria-label={t("signerPhone")} maxLength={20} aria-invalid={!!fieldErrors.phone} />
            {fieldErrors.phone && <p className="text-sm text-red-600">{fieldErrors.phone}</p>}
            {error && <Alert>{error}</Alert>}
            <div className="grid grid-cols-2 gap-2">
              <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
                {t("cancel")}
              </Button>
              <Button type="submit" disabled={pending}>
                {t("addSigner")}
              </Button>
            </div>
          </form>
        ) : (
          <Button variant="secondary" className="w-full" onClick={() => setOpen(true)}>
            <UserPlus className="h-4 w-4" aria-hidden />
            {t("addSigner")}
          </Button>
        ))}
    </section>
  );
}
