import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/layout/page-header";
import { VerifyForm } from "@/components/verify/verify-form";

export default async function VerifyPage() {
  const t = await getTranslations("verify");
  return (
    <div className="mx-auto min-h-dvh max-w-lg">
      <PageHeader title={t("title")} backHref="/" />
      <main className="space-y-4 px-4 py-5">
        <p className="text-sm text-slate-600">{t("intro")}</p>
        <VerifyForm />
      </main>
    </div>
  );
}
