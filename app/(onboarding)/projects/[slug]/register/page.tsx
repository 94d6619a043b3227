import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/layout/page-header";
import { RegisterForm } from "@/components/projects/register-form";
import { isAppError } from "@/lib/errors";
import { formatYuan } from "@/lib/format-price";
import { getProject } from "@/lib/projects/get-project";

export default async function RegisterPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const project = await getProject({ slug }).catch((e: unknown) => (isAppError(e) ? notFound() : Promise.reject(e)));
  const t = await getTranslations();
  const roles = project.roles.map((r) => ({
    id: r.id,
    name: r.name,
    detail: [r.priceFen > 0 ? t("common.yuan", { amount: formatYuan(r.priceFen) }) : t("common.free"), r.requiresIdentity ? t("project.identityRequired") : t("project.identityNotRequired")].join(" · "),
  }));
  return (
    <div className="mx-auto min-h-dvh max-w-lg">
      <PageHeader title={`${t("register.title")} · ${project.name}`} backHref={`/projects/${project.slug}`} backLabel={t("common.back")} />
      <main className="px-4 py-5">
        <RegisterForm projectSlug={project.slug} roles={roles} />
      </main>
    </div>
  );
}
