import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations();
  return (
    <main className="mx-auto flex min-h-dvh max-w-lg flex-col items-center justify-center gap-4 px-6 text-center">
      <h1 className="text-xl font-semibold">{t("errors.NOT_FOUND")}</h1>
      <Link href="/" className="text-brand-600">
        {t("tabs.home")}
      </Link>
    </main>
  );
}
