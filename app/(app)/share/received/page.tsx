import { getTranslations } from "next-intl/server";
import { ReceiveSharedFile } from "@/components/envelopes/receive-shared-file";
import { PageHeader } from "@/components/layout/page-header";
import { Alert } from "@/components/ui/alert";
import { requireUser } from "@/lib/auth/guards";
import { ERROR_CODES, type ErrorCode } from "@/lib/errors";

// Where a share lands. Logging in first keeps the query, so the stashed file
// is opened right after (the share survives the login).
export default async function SharedFilePage({ searchParams }: { searchParams: Promise<{ id?: string; token?: string; error?: string }> }) {
  const sp = await searchParams;
  const id = typeof sp.id === "string" && /^[0-9a-f-]{36}$/.test(sp.id) ? sp.id : undefined;
  const token = typeof sp.token === "string" && /^[A-Za-z0-9_-]{20,64}$/.test(sp.token) ? sp.token : undefined;
  const query = id ? `id=${id}` : token ? `token=${token}` : "";
  await requireUser(`/share/received?${query}`);
  const t = await getTranslations();
  const error = sp.error && sp.error in ERROR_CODES ? (sp.error as ErrorCode) : null;
  return (
    <>
      <PageHeader title={t("share.title")} backHref="/sign" />
      <main className="px-4 py-5">
        {error ? <Alert>{t(`errors.${error}`, { maxMb: 100, seconds: 60, max: 10, remaining: 0, role: "", step: "", minutes: 30 })}</Alert> : id || token ? <ReceiveSharedFile id={id} token={token} /> : <Alert>{t("share.gone")}</Alert>}
      </main>
    </>
  );
}
