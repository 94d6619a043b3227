import QRCode from "qrcode";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/layout/page-header";
import { InstallButton } from "@/components/pwa/install-button";
import { WeChatHint } from "@/components/pwa/wechat-hint";
import { Card } from "@/components/ui/card";
import { getAppUrl } from "@/lib/http/get-app-url";

export default async function InstallPage() {
  const t = await getTranslations();
  const url = await getAppUrl();
  const svg = await QRCode.toString(url, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return (
    <div className="mx-auto min-h-dvh max-w-lg">
      <PageHeader title={t("install.title")} backHref="/" backLabel={t("common.back")} />
      <main className="space-y-5 px-4 py-5">
        <WeChatHint />
        <Card className="flex flex-col items-center gap-3">
          <div className="h-48 w-48" role="img" aria-label={url} data-testid="install-qr" dangerouslySetInnerHTML={{ __html: svg }} />
          <p className="text-sm text-slate-600">{t("install.scan")}</p>
          <p className="font-mono text-xs text-slate-500">{url}</p>
        </Card>
        <InstallButton />
        <Card>
          <h2 className="font-semibold">{t("install.android")}</h2>
          <p className="mt-1 text-sm leading-6 text-slate-600">{t("install.androidSteps")}</p>
        </Card>
        <Card>
          <h2 className="font-semibold">{t("install.ios")}</h2>
          <p className="mt-1 text-sm leading-6 text-slate-600">{t("install.iosSteps")}</p>
        </Card>
      </main>
    </div>
  );
}
