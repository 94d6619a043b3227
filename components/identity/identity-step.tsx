"use client";

import { IdCard } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { confirmIdCardAction, submitIdCardAction } from "@/app/(onboarding)/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { checkCardPhoto } from "./check-card-photo";
import { compressImage } from "./compress-image";
import { LivenessCapture } from "./liveness-capture";

interface Read {
  name: string;
  idNumberMasked: string;
  birthDate: string | null;
  validUntil: string | null;
}

/** 实名认证: card photos → 身份信息确认 → liveness, each checked on the server. */
export function IdentityStep({ membershipId, initial }: { membershipId: string; initial: { phase: "card" | "confirm" | "liveness"; read: Read | null } }) {
  const t = useTranslations("identity");
  const router = useRouter();
  const [phase, setPhase] = useState(initial.phase);
  const [read, setRead] = useState<Read | null>(initial.read);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [pending, start] = useTransition();

  const upload = (form: HTMLFormElement) =>
    start(async () => {
      setError(null);
      const data = new FormData(form);
      for (const side of ["front", "back"]) {
        const f = data.get(side);
        if (!(f instanceof File) || f.size === 0) {
          data.delete(side);
          continue;
        }
        const problem = await checkCardPhoto(f).catch(() => null);
        if (problem) {
          setFieldErrors({ [side]: t(`photo.${problem}`) });
          return;
        }
        data.set(side, await compressImage(f).catch(() => f));
      }
      const r = await submitIdCardAction(null, data);
      if (!r.ok) {
        setFieldErrors(r.fieldErrors ?? {});
        setError(r.fieldErrors ? null : r.message);
        return;
      }
      setFieldErrors({});
      setRead(r.data);
      setPhase("confirm");
    });

  if (phase === "card")
    return (
      <form
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          upload(e.currentTarget);
        }}
      >
        <input type="hidden" name="membershipId" value={membershipId} />
        <Card className="flex gap-3 text-sm text-slate-600">
          <IdCard className="h-5 w-5 shrink-0 text-brand-600" aria-hidden />
          <p>{t("cardIntro")}</p>
        </Card>
        <Field id="front" label={t("front")} hint={t("frontHint")} error={fieldErrors.front}>
          <input id="front" name="front" type="file" accept="image/*" capture="environment" className="block w-full text-sm" />
        </Field>
        <Field id="back" label={t("back")} error={fieldErrors.back}>
          <input id="back" name="back" type="file" accept="image/*" capture="environment" className="block w-full text-sm" />
        </Field>
        <Field id="validity" label={t("validity")} hint={t("validityHint")} error={fieldErrors.validity}>
          <Input id="validity" name="validity" placeholder="2016.01.01-2036.01.01" maxLength={40} />
        </Field>
        {error && <Alert>{error}</Alert>}
        <Button type="submit" size="lg" className="w-full" disabled={pending}>
          {pending ? t("reading") : t("submitCard")}
        </Button>
      </form>
    );

  if (phase === "confirm" && read)
    return (
      <div className="space-y-4" data-testid="id-confirm">
        <h2 className="font-semibold">{t("confirmTitle")}</h2>
        <Card>
          <dl className="space-y-2 text-sm">
            {[
              [t("name"), read.name],
              [t("idNumber"), read.idNumberMasked],
              [t("birthDate"), read.birthDate ?? "—"],
              [t("validUntil"), read.validUntil ?? "—"],
            ].map(([k, v]) => (
              <div key={k} className="flex justify-between">
                <dt className="text-slate-500">{k}</dt>
                <dd className="font-medium">{v}</dd>
              </div>
            ))}
          </dl>
        </Card>
        {error && <Alert>{error}</Alert>}
        <div className="grid grid-cols-2 gap-2">
          <Button variant="secondary" onClick={() => setPhase("card")} disabled={pending}>
            {t("retake")}
          </Button>
          <Button
            disabled={pending}
            onClick={() =>
              start(async () => {
                const r = await confirmIdCardAction(null, { membershipId });
                if (!r.ok) setError(r.message);
                else setPhase("liveness");
              })
            }
          >
            {t("confirm")}
          </Button>
        </div>
      </div>
    );

  return <LivenessCapture membershipId={membershipId} onPassed={() => router.push(`/confirm/${membershipId}`)} />;
}
