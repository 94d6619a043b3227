import { Construction } from "lucide-react";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/layout/page-header";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { isAppError } from "@/lib/errors";
import { assertStepReached, BUILT_STEPS, isStep } from "@/lib/onboarding";
import { loadOwnMembership } from "@/lib/onboarding/load-own-membership";

// The entry to each onboarding step. Later issues give each step its own page;
// until then a required step is honestly "coming soon" and stays owed.
export default async function StepPage({ params }: { params: Promise<{ membershipId: string; step: string }> }) {
  const { membershipId, step } = await params;
  if (!isStep(step)) notFound();
  const { membership, role } = await loadOwnMembership(membershipId, `/onboarding/${membershipId}/${step}`);
  try {
    assertStepReached(membership.status, role, step);
  } catch (e) {
    if (!isAppError(e)) throw e;
    if (e.code === "STEP_NOT_REACHED") redirect(`/confirm/${membershipId}?blocked=${step}`);
    notFound();
  }
  const t = await getTranslations();
  return (
    <div className="mx-auto min-h-dvh max-w-lg">
      <PageHeader title={t(`steps.${step}`)} backHref={`/confirm/${membershipId}`} backLabel={t("common.back")} />
      <main className="space-y-5 px-4 py-5">
        {!BUILT_STEPS.has(step) && (
          <Card className="flex flex-col items-center gap-3 py-8 text-center">
            <Construction className="h-10 w-10 text-amber-500" aria-hidden />
            <div className="text-lg font-semibold">{t("common.comingSoon")}</div>
            <p className="text-sm text-slate-600">{t("confirm.stepComingSoon")}</p>
          </Card>
        )}
        <Button asChild variant="secondary" size="lg" className="w-full">
          <Link href={`/confirm/${membershipId}`}>{t("common.back")}</Link>
        </Button>
      </main>
    </div>
  );
}
