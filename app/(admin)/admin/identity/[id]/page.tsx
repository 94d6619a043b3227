import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import { EvidenceViewer } from "@/components/admin/evidence-viewer";
import { PageHeader } from "@/components/layout/page-header";
import { Card } from "@/components/ui/card";
import { requireAdmin } from "@/lib/auth/guards";
import { getVerificationDetail } from "@/lib/real-name/get-verification-detail";
import { maskPhone } from "@/lib/validation/phone";

export default async function AdminVerificationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const admin = await requireAdmin(`/admin/identity/${id}`);
  if (!z.string().uuid().safeParse(id).success) notFound();
  const v = await getVerificationDetail({ actorId: admin.id, verificationId: id }).catch(() => null);
  if (!v) notFound();
  const t = await getTranslations("admin");
  const tErr = await getTranslations("errors");
  const tAction = await getTranslations("identity.action");
  const format = await getFormatter();
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium", timeStyle: "medium" }) : "—");
  const facts: [string, string][] = [
    [t("identity.project"), v.project],
    [t("identity.phone"), maskPhone(v.phone)],
    [t("identity.registeredName"), v.realName ?? "—"],
    [t("identity.nameOnCard"), v.nameOnCard],
    [t("identity.idNumber"), v.idNumberMasked],
    [t("identity.birthDate"), v.birthDate ?? "—"],
    [t("identity.validUntil"), v.cardValidUntil ?? "—"],
    [t("identity.statusLabel"), t(`identity.status.${v.status}`)],
    [t("identity.createdAt"), when(v.createdAt)],
  ];
  return (
    <>
      <PageHeader title={v.nameOnCard} backHref="/admin/identity" backLabel={t("back")} />
      <main className="space-y-4 px-4 py-5">
        <Card>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-sm">
            {facts.map(([k, val]) => (
              <div key={k} className="contents">
                <dt className="text-slate-500">{k}</dt>
                <dd className="font-medium">{val}</dd>
              </div>
            ))}
          </dl>
        </Card>
        <section className="space-y-2" aria-labelledby="attempts-title">
          <h2 id="attempts-title" className="text-sm font-medium text-slate-500">
            {t("identity.attemptsTitle")}
          </h2>
          {v.attempts.length === 0 && <p className="text-sm text-slate-500">{t("identity.noAttempts")}</p>}
          {v.attempts.map((a) => (
            <Card key={a.id} className="space-y-1 text-sm" data-testid="liveness-attempt">
              <div className="flex justify-between">
                <span>
                  {a.actions.map((x, i) => {
                    const v = a.result?.scores?.actions?.[i];
                    return (
                      <span key={x} className={v ? (v.passed ? "text-emerald-700" : "text-red-700") : undefined}>
                        {i > 0 && " → "}
                        {tAction(x as "nod")}
                        {v && ` ${v.passed ? "✓" : "✗"} ${v.score.toFixed(2)}`}
                      </span>
                    );
                  })}
                </span>
                <span className={a.passed ? "text-emerald-700" : "text-red-700"}>{a.passed === null ? t("identity.unused") : a.passed ? t("identity.passed") : t("identity.failed")}</span>
              </div>
              <div className="text-xs text-slate-500">
                {when(a.issuedAt)}
                {a.result?.scores?.idFaceDistance != null && ` · ${t("identity.idDistance", { d: a.result.scores.idFaceDistance.toFixed(3) })}`}
              </div>
              {a.result?.reasons && a.result.reasons.length > 0 && <div className="text-xs text-red-700">{[...new Set(a.result.reasons)].map((r) => (tErr.has(r as "INTERNAL") ? tErr(r as "INTERNAL") : r)).join(" ")}</div>}
              {a.framesDeletedAt && <div className="text-xs text-slate-500">{t("identity.framesPurged", { at: when(a.framesDeletedAt) })}</div>}
            </Card>
          ))}
        </section>
        <EvidenceViewer
          verificationId={v.id}
          files={[
            { file: "card-front", label: t("identity.cardFront") },
            ...(v.cardBack ? [{ file: "card-back", label: t("identity.cardBack") }] : []),
            ...v.attempts.flatMap((a, ai) => a.frames.map((f, i) => ({ file: `frame-${a.id}-${i}`, label: t("identity.frame", { attempt: ai + 1, n: i + 1 }), gone: !f.available }))),
          ]}
        />
      </main>
    </>
  );
}
