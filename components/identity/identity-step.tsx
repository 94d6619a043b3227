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
import { CardSlot } from "./card-slot";
import { LivenessCapture } from "./liveness-capture";

interface Read {
  name: string;
  idNumberMasked: string;
  birthDate: string | null;
  validUntil: string | null;
  /** 有效期限 as read from the back (OCR), null when it could not be read. */
  validity: string | null;
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
  const [front, setFront] = useState<File | null>(null);
  const [back, setBack] = useState<File | null>(null);
  // Sides whose photo is still being checked: uploading now would send nothing for them.
  const [busy, setBusy] = useState({ front: false, back: false });
  const checking = busy.front || busy.back;

  // A new photo replaces the old one's complaint.
  const picked = (side: "front" | "back", f: File | null) => {
    (side === "front" ? setFront : setBack)(f);
    setFieldErrors(({ [side]: _old, ...rest }) => rest);
  };

  const upload = () =>
    start(async () => {
      setError(null);
      if (!front || !back) {
        setFieldErrors({ ...(front ? {} : { front: t("photo.missing") }), ...(back ? {} : { back: t("photo.missing") }) });
        return;
      }
      const data = new FormData();
      data.set("membershipId", membershipId);
      data.set("front", front);
      data.set("back", back);
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

  const confirm = (form: HTMLFormElement) =>
    start(async () => {
      const validity = String(new FormData(form).get("validity") ?? "");
      const r = await confirmIdCardAction(null, { membershipId, validity });
      if (!r.ok) {
        setFieldErrors(r.fieldErrors ?? {});
        setError(r.fieldErrors ? null : r.message);
      } else {
        setError(null);
        setPhase("liveness");
      }
    });

  if (phase === "card")
    return (
      <form
        className="space-y-5"
        onSubmit={(e) => {
          e.preventDefault();
          upload();
        }}
      >
        <Card className="flex gap-3 text-sm text-slate-600">
          <IdCard className="h-5 w-5 shrink-0 text-brand-600" aria-hidden />
          <p>{t("cardIntro")}</p>
        </Card>
        <CardSlot side="front" onChange={(f) => picked("front", f)} onBusy={(b) => setBusy((s) => ({ ...s, front: b }))} serverError={fieldErrors.front} />
        <CardSlot side="back" onChange={(f) => picked("back", f)} onBusy={(b) => setBusy((s) => ({ ...s, back: b }))} serverError={fieldErrors.back} />
        {error && <Alert>{error}</Alert>}
        <Button type="submit" size="lg" className="w-full" disabled={pending || checking}>
          {pending ? t("reading") : checking ? t("photo.checking") : t("submitCard")}
        </Button>
      </form>
    );

  if (phase === "confirm" && read)
    return (
      <form
        className="space-y-4"
        data-testid="id-confirm"
        onSubmit={(e) => {
          e.preventDefault();
          confirm(e.currentTarget);
        }}
      >
        <h2 className="font-semibold">{t("confirmTitle")}</h2>
        <Card>
          <dl className="space-y-2 text-sm">
            {[
              [t("name"), read.name],
              [t("idNumber"), read.idNumberMasked],
              [t("birthDate"), read.birthDate ?? "—"],
            ].map(([k, v]) => (
              <div key={k} className="flex justify-between">
                <dt className="text-slate-500">{k}</dt>
                <dd className="font-medium">{v}</dd>
              </div>
            ))}
          </dl>
        </Card>
        <Field id="validity" label={t("validity")} hint={read.validity ? t("validityRead") : t("validityUnread")} error={fieldErrors.validity}>
          <Input id="validity" name="validity" defaultValue={read.validity ?? ""} placeholder="2016.01.01-2036.01.01" maxLength={40} />
        </Field>
        <p className="text-xs text-slate-500">{t("confirmHint")}</p>
        {error && <Alert>{error}</Alert>}
        <div className="grid grid-cols-2 gap-2">
          <Button type="button" variant="secondary" onClick={() => setPhase("card")} disabled={pending}>
            {t("retake")}
          </Button>
          <Button type="submit" disabled={pending}>
            {t("confirm")}
          </Button>
        </div>
      </form>
    );

  return <LivenessCapture membershipId={membershipId} onPassed={() => router.push(`/confirm/${membershipId}`)} />;
}
