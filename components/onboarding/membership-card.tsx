import { ChevronRight } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import type { Membership, Project, ProjectRole } from "@/lib/db/schema";
import { getOnboardingProgress } from "@/lib/onboarding";

export async function MembershipCard({ membership, project, role }: { membership: Membership; project: Project; role: ProjectRole }) {
  const t = await getTranslations();
  const { next } = getOnboardingProgress(membership.status, role);
  return (
    <Link href={`/confirm/${membership.id}`} className="block">
      <Card className="flex items-center justify-between hover:ring-brand-300">
        <div>
          <div className="font-semibold">{project.name}</div>
          <div className="mt-0.5 text-sm text-slate-500">
            {role.name} · {next ? `${t("confirm.next")}：${t(`steps.${next}`)}` : t("steps.done")}
          </div>
        </div>
        <ChevronRight className="h-5 w-5 text-slate-400" aria-hidden />
      </Card>
    </Link>
  );
}
