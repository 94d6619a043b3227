import { desc } from "drizzle-orm";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/layout/page-header";
import { Card } from "@/components/ui/card";
import { getDb } from "@/lib/db";
import { smsOutbox } from "@/lib/db/schema";
import { isProduction } from "@/lib/env";

// Development only: the outbox SMS transport's messages. In production this
// route does not exist (404), whatever SMS transport is configured.
export default async function OutboxPage() {
  if (isProduction()) notFound();
  const t = await getTranslations("outbox");
  const db = await getDb();
  const rows = await db.select().from(smsOutbox).orderBy(desc(smsOutbox.createdAt)).limit(50);
  return (
    <div className="mx-auto min-h-dvh max-w-lg">
      <PageHeader title={t("title")} backHref="/" />
      <main className="space-y-3 px-4 py-5">
        <p className="text-sm text-slate-500">{t("hint")}</p>
        {rows.length === 0 && <p className="text-sm">{t("empty")}</p>}
        {rows.map((r) => (
          <Card key={r.id} data-testid="outbox-message" data-phone={r.phone}>
            <div className="flex justify-between text-xs text-slate-500">
              <span>{r.phone}</span>
              <time dateTime={r.createdAt.toISOString()}>{r.createdAt.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai" })}</time>
            </div>
            <p className="mt-1 text-sm">{r.text}</p>
          </Card>
        ))}
      </main>
    </div>
  );
}
