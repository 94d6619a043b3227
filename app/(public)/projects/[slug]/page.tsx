import { BadgeCheck } from "lucide-react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/layout/page-header";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { isAppError } from "@/lib/errors";
import { formatYuan } from "@/lib/format-price";
import { getProject } from "@/lib/projects/get-project";

async function load(slug: string) {
  try {
    return await getProject({ slug });
  } catch (e) {
    if (isAppError(e)) notFound();
    throw e;
  }
}

export default async function ProjectPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const project = await load(slug);
  const t = await getTranslations();
  return (
    <div className="mx-auto min-h-dvh max-w-lg">
      <PageHeader title={project.name} backHref="/" backLabel={t("common.back")} />
      <main className="space-y-5 px-4 py-5">
        <Card>
          <h2 className="text-xl font-bold">{project.name}</h2>
          {project.description && <p className="mt-1 text-sm text-slate-600">{project.description}</p>}
        </Card>
        <section className="space-y-2" aria-labelledby="roles-title">
          <h3 id="roles-title" className="text-sm font-medium text-slate-500">
            {t("project.roles")}
          </h3>
          <ul className="divide-y divide-slate-100 rounded-2xl bg-white ring-1 ring-slate-200">
            {project.roles.map((r) => (
              <li key={r.id} className="flex items-center justify-between px-4 py-3">
                <div>
                  <div className="font-medium">{r.name}</div>
                  <div className="mt-0.5 flex items-center gap-1 text-xs text-slate-500">
                    <BadgeCheck className="h-3.5 w-3.5" aria-hidden />
                    {r.requiresIdentity ? t("project.identityRequired") : t("project.identityNotRequired")}
                  </div>
                </div>
                <div className="text-sm text-slate-700">{r.priceFen > 0 ? t("common.yuan", { amount: formatYuan(r.priceFen) }) : t("common.free")}</div>
              </li>
            ))}
          </ul>
        </section>
        <div className="grid grid-cols-2 gap-3">
          <Button asChild size="lg">
            <Link href={`/projects/${project.slug}/register`}>{t("project.register")}</Link>
          </Button>
          <Button asChild size="lg" variant="secondary">
            <Link href={`/login?callbackUrl=${encodeURIComponent(`/projects/${project.slug}`)}`}>{t("project.login")}</Link>
          </Button>
        </div>
      </main>
    </div>
  );
}
