import { getTranslations } from "next-intl/server";
import { EnvelopeList } from "@/components/envelopes/envelope-list";
import { UploadPdfButton } from "@/components/envelopes/upload-pdf-button";
import { PageHeader } from "@/components/layout/page-header";
import { requireUser } from "@/lib/auth/guards";
import { listEnvelopes } from "@/lib/envelopes/list-envelopes";
import { uploadMaxBytes } from "@/lib/envelopes/upload-limits";

export default async function SignPage() {
  const user = await requireUser("/sign");
  const t = await getTranslations("sign");
  const lists = await listEnvelopes({ actorId: user.id });
  return (
    <>
      <PageHeader title={t("title")} />
      <main className="space-y-6 px-4 py-5">
        <UploadPdfButton maxMb={Math.round(uploadMaxBytes() / 1048576)} />
        <EnvelopeList title={t("toSign")} items={lists.toSign} testId="list-to-sign" />
        <EnvelopeList title={t("waiting")} items={lists.waiting} testId="list-waiting" />
        <EnvelopeList title={t("completed")} items={lists.completed} testId="list-completed" />
      </main>
    </>
  );
}
