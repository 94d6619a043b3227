import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LoginForm } from "@/components/auth/login-form";
import { PageHeader } from "@/components/layout/page-header";
import { Alert } from "@/components/ui/alert";
import { getCurrentUser, safeCallbackUrl } from "@/lib/auth/guards";

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; loggedOut?: string }> }) {
  const sp = await searchParams;
  const callbackUrl = safeCallbackUrl(sp.callbackUrl);
  if (await getCurrentUser()) redirect(callbackUrl);
  const t = await getTranslations();
  return (
    <div className="mx-auto min-h-dvh max-w-lg">
      <PageHeader title={t("login.title")} backHref="/" backLabel={t("common.back")} />
      <main className="space-y-5 px-4 py-5">
        {sp.loggedOut && <Alert tone="info">{t("login.loggedOut")}</Alert>}
        <LoginForm callbackUrl={callbackUrl} />
        <p className="text-center text-sm text-slate-500">
          <Link href="/" className="text-brand-600">
            {t("login.noAccount")}
          </Link>
        </p>
      </main>
    </div>
  );
}
