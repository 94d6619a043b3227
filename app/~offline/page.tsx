import { WifiOff } from "lucide-react";
import { getTranslations } from "next-intl/server";

// Precached by the service worker and shown for any page that cannot load offline.
export default async function OfflinePage() {
  const t = await getTranslations("offline");
  return (
    <main className="mx-auto flex min-h-dvh max-w-lg flex-col items-center justify-center gap-4 px-6 text-center">
      <WifiOff className="h-12 w-12 text-slate-400" aria-hidden />
      <h1 className="text-xl font-semibold" data-testid="offline-title">
        {t("title")}
      </h1>
      <p className="text-sm leading-6 text-slate-600">{t("body")}</p>
      {/* A full page load on purpose: the client router may be stale offline. */}
      {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
      <a href="/" className="rounded-xl bg-brand-600 px-5 py-3 text-white">
        {t("retry")}
      </a>
    </main>
  );
}
