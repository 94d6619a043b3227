import { Construction } from "lucide-react";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SetPinForm } from "@/components/certificates/set-pin-form";
import { PageHeader } from "@/components/layout/page-header";
import { IdentityStep } from "@/components/identity/identity-step";
import { SignatureStep } from "@/components/signature/signature-step";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { isAppError } from "@/lib/errors";
import { assertStepReached, BUILT_STEPS, isStep, statusIndex } from "@/lib/onboarding";
import { loadOwnMembership } from "@/lib/onboarding/load-own-membership";
import { loadVerification } from "@/lib/real-name/load-verification";

// The entry to each onboarding step. A member may open a step only when every
// earlier required step is done; a step not built yet is honestly "coming
// soon" and stays owed — it is never marked done on the member's behalf.
export default async function StepPage({ params }: { params: Promise<{ membershipId: string; step: string }> }) {
  const { membershipId, step } = await params;
  if (!isStep(step)) notFound();
  const { membership, role, project, user } = await loadOwnMembership(membershipId, `/onboarding/${membershipId}/${step}`);
  try {
    assertStepReached(membership.status, role, step);
  } catch (e) {
    if (!isAppError(e)) throw e;
    if (e.code === "STEP_NOT_REACHED") redirect(`/confirm/${membershipId}?blocked=${step}`);
    notFound();
  }
  // A step already done is not redone here (a new certificate is a renewal).
  if (statusIndex(membership.status) >= statusIndex(step) && step !== "signature_ready") redirect(`/confirm/${membershipId}`);
  const t = await getTranslations();
  const confirmUrl = `/confirm/${membershipId}`;
  return (
    <div className="mx-auto min-h-dvh max-w-lg">
      <PageHeader title={t(`steps.${step}`)} backHref={confirmUrl} backLabel={t("common.back")} />
      <main className="space-y-5 px-4 py-5">
        {step === "identity_verified" && <IdentityStep membershipId={membershipId} initial={await identityPhase(user.id, membershipId)} />}
        {step === "certified" && <SetPinForm membershipId={membershipId} subject={`CN=${user.realName ?? user.phone}, O=${project.organisation}, OU=${role.name}, C=CN`} />}
        {step === "signature_ready" && <SignatureStep next={confirmUrl} />}
        {!BUILT_STEPS.has(step) && (
          <>
            <Card className="flex flex-col items-center gap-3 py-8 text-center">
              <Construction className="h-10 w-10 text-amber-500" aria-hidden />
              <div className="text-lg font-semibold">{t("common.comingSoon")}</div>
              <p className="text-sm text-slate-600">{t("confirm.stepComingSoon")}</p>
            </Card>
            <Button asChild variant="secondary" size="lg" className="w-full">
              <Link href={confirmUrl}>{t("common.back")}</Link>
            </Button>
          </>
        )}
      </main>
    </div>
  );
}

/** Where a member left off: card not yet read, read but not confirmed, or confirmed (liveness next). */
async function identityPhase(actorId: string, membershipId: string) {
  const v = await loadVerification({ actorId, membershipId }).catch(() => null);
  if (!v || v.status === "passed") return { phase: "card" as const, read: null };
  const read = { name: v.nameOnCard, idNumberMasked: v.idNumberMasked, birthDate: v.birthDate, validUntil: v.cardValidUntil, validity: v.cardValidity };
  return { phase: v.status === "card_read" ? ("confirm" as const) : ("liveness" as const), read };
}
