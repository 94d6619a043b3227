import { Check, Circle, Clock } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { cn } from "@/lib/cn";
import type { OnboardingProgress } from "@/lib/onboarding";

/** The stepper of the confirmation page: done, current (linked) and pending steps. */
export async function StepList({ progress, membershipId }: { progress: OnboardingProgress; membershipId: string }) {
  const t = await getTranslations("steps");
  return (
    <ol className="space-y-2" aria-label={t("pending")}>
      {progress.steps.map(({ step, state }, i) => {
        const body = (
          <div
            className={cn(
              "flex items-center gap-3 rounded-xl px-4 py-3 ring-1",
              state === "done" && "bg-emerald-50 ring-emerald-200",
              state === "current" && "bg-white ring-2 ring-brand-500",
              state === "pending" && "bg-white ring-slate-200 text-slate-500",
            )}
            data-state={state}
          >
            <span className="flex h-7 w-7 shrink-0 items-center justify-center rounded-full bg-white text-sm font-semibold ring-1 ring-slate-200">
              {state === "done" ? <Check className="h-4 w-4 text-emerald-600" aria-hidden /> : i + 1}
            </span>
            <span className="flex-1 font-medium">{t(step)}</span>
            <span className="flex items-center gap-1 text-xs">
              {state === "done" && t("done")}
              {state === "current" && (
                <>
                  <Circle className="h-3 w-3 fill-brand-500 text-brand-500" aria-hidden />
                  {t("current")}
                </>
              )}
              {state === "pending" && (
                <>
                  <Clock className="h-3 w-3" aria-hidden />
                  {t("pending")}
                </>
              )}
            </span>
          </div>
        );
        return (
          <li key={step}>
            {state === "current" ? (
              <Link href={`/onboarding/${membershipId}/${step}`} className="block">
                {body}
              </Link>
            ) : (
              body
            )}
          </li>
        );
      })}
    </ol>
  );
}
