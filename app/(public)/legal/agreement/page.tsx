import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/layout/page-header";

export default async function AgreementPage() {
  const t = await getTranslations("legal");
  const clauses = t.raw("clauses") as { title: string; body: string }[];
  return (
    <div className="mx-auto min-h-dvh max-w-lg bg-white">
      <PageHeader title={t("agreementTitle")} />
      <main className="space-y-4 px-5 py-5 text-sm leading-7 text-slate-700">
        <p className="text-xs text-slate-500">{t("updated")}</p>
        {clauses.map((c, i) => (
          <section key={c.title}>
            <h2 className="font-semibold text-slate-900">
              {i + 1}. {c.title}
            </h2>
            <p>{c.body}</p>
          </section>
        ))}
      </main>
    </div>
  );
}
