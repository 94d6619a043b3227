import { getTranslations } from "next-intl/server";
import { SettingsForm } from "@/components/admin/settings-form";
import { PageHeader } from "@/components/layout/page-header";
import { requireAdmin } from "@/lib/auth/guards";
import { getSetting } from "@/lib/settings/get-setting";

export default async function AdminSettingsPage() {
  await requireAdmin("/admin/settings");
  const t = await getTranslations("admin");
  return (
    <>
      <PageHeader title={t("settings.title")} backHref="/admin" backLabel={t("back")} />
      <main className="space-y-4 px-4 py-5">
        <SettingsForm settingKey="evidenceRetentionDays" initial={String(await getSetting("evidenceRetentionDays"))} />
      </main>
    </>
  );
}
