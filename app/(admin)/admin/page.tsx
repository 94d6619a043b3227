import { ChevronRight, IdCard, Settings } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/layout/page-header";

export default async function AdminHome() {
  const t = await getTranslations("admin");
  const links = [
    { href: "/admin/identity", label: t("identity.title"), icon: IdCard },
    { href: "/admin/settings", label: t("settings.title"), icon: Settings },
  ];
  return (
    <>
      <PageHeader title={t("title")} backHref="/me" backLabel={t("back")} />
      <main className="space-y-2 px-4 py-5">
        {links.map(({ href, label, icon: Icon }) => (
          <Link key={href} href={href} className="flex items-center justify-between rounded-2xl bg-white px-4 py-3 ring-1 ring-slate-200">
            <span className="flex items-center gap-2">
              <Icon className="h-4 w-4 text-brand-600" aria-hidden />
              {label}
            </span>
            <ChevronRight className="h-4 w-4 text-slate-400" aria-hidden />
          </Link>
        ))}
      </main>
    </>
  );
}
