import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/layout/page-header";
import { StepList } from "@/components/onboarding/step-list";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { getOnboardingProgress } from "@/lib/onboarding";
import { loadOwnMembership } from "@/lib/onboarding/load-own-membership";
import { maskPhone } from "@/lib/validation/phone";

export default async function ConfirmPage({ params }: { params: Promise<{ membershipId: string }> }) {
  const { membershipId } = await params;
  const { membership, project, role, user } = await loadOwnMembership(membershipId, `/confirm/${membershipId}`);
  const t = await getTranslations();
  const progress = getOnboardingProgress(membership.status, role);
  const rows = [
    [t("confirm.project"), project.name],
    [t("confirm.role"), role.name],
    [t("confirm.realName"), user.realName ?? ""],
    [t("confirm.phone"), maskPhone(user.phone)],
  ];
  return (
    <div className="mx-auto min-h-dvh max-w-lg">
      <PageHeader title={t("confirm.title")} backHref="/" backLabel={t("common.back")} />
      <main className="space-y-5 px-4 py-5">
        <p className="text-sm text-slate-600">{t("confirm.intro")}</p>
        <Card>
          <dl className="divide-y divide-slate-100">
            {rows.map(([k, v]) => (
              <div key={k} className="flex justify-between py-2.5 text-sm">
                <dt className="text-slate-500">{k}</dt>
                <dd className="font-medium">{v}</dd>
              </div>
            ))}
          </dl>
        </Card>
        <section className="space-y-2" aria-labelledby="steps-title">
          <h2 id="steps-title" className="text-sm font-medium text-slate-500">
            {t("confirm.steps")}
          </h2>
          <StepList progress={progress} membershipId={membership.id} />
        </section>
        {progress.next ? (
          <Button asChild size="lg" className="w-full">
            <Link href={`/onboarding/${membership.id}/${progress.next}`}>
              {t("confirm.next")}：{t(`steps.${progress.next}`)}
            </Link>
          </Button>
        ) : (
          <Alert tone="success">{t("confirm.allDone")}</Alert>
        )}
      </main>
    </div>
  );
}
