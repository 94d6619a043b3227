import { getTranslations } from "next-intl/server";
import { LaunchQueueConsumer } from "@/components/envelopes/launch-queue-consumer";
import { PageHeader } from "@/components/layout/page-header";
import { requireUser } from "@/lib/auth/guards";

export default async function OpenPdfPage() {
  await requireUser("/open-pdf");
  const t = await getTranslations("share");
  return (
    <>
      <PageHeader title={t("openWith")} backHref="/sign" />
      <main className="px-4 py-5">
        <LaunchQueueConsumer />
      </main>
    </>
  );
}
