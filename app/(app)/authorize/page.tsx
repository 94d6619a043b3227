import { Construction } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/layout/page-header";
import { Card } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/guards";

// This tab's feature arrives with a later issue; it says so plainly.
export default async function Page() {
  await requireUser("/authorize");
  const t = await getTranslations("authorize");
  return (
    <>
      <PageHeader title={t("title")} />
      <main className="px-4 py-5">
        <Card className="flex flex-col items-center gap-3 py-8 text-center">
          <Construction className="h-10 w-10 text-amber-500" aria-hidden />
          <p className="text-sm leading-6 text-slate-600">{t("comingSoon")}</p>
        </Card>
      </main>
    </>
  );
}
