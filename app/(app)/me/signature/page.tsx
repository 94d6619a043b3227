import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/layout/page-header";
import { SignatureStep } from "@/components/signature/signature-step";
import { Card } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/guards";
import { getHandwrittenSignature } from "@/lib/signatures/get-handwritten-signature";

export default async function MySignaturePage() {
  const user = await requireUser("/me/signature");
  const t = await getTranslations("signature");
  const current = await getHandwrittenSignature({ userId: user.id });
  return (
    <>
      <PageHeader title={t("title")} backHref="/me" />
      <main className="space-y-5 px-4 py-5">
        <Card>
          <h2 className="text-sm text-slate-500">{t("current")}</h2>
          {current ? (
            // eslint-disable-next-line @next/next/no-img-element -- a private, per-user image: no optimisation cache
            <img src={`/api/me/signature?v=${current.id}`} alt={t("current")} className="mx-auto mt-2 max-h-32" data-testid="current-signature" />
          ) : (
            <p className="mt-2 text-sm text-slate-600">{t("none")}</p>
          )}
        </Card>
        <h2 className="text-sm font-medium text-slate-500">{current ? t("redraw") : t("title")}</h2>
        <SignatureStep next="/me/signature" />
      </main>
    </>
  );
}
