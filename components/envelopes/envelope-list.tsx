import { ChevronRight, FileText } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Envelope } from "@/lib/db/schema";

export async function EnvelopeList({ title, items, testId }: { title: string; items: Envelope[]; testId: string }) {
  const t = await getTranslations("sign");
  return (
    <section className="space-y-2" data-testid={testId}>
      <h2 className="text-sm font-medium text-slate-500">
        {title} <span className="text-slate-400">({items.length})</span>
      </h2>
      {items.length === 0 ? (
        <p className="rounded-2xl bg-white px-4 py-3 text-sm text-slate-400 ring-1 ring-slate-200">{t("empty")}</p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-2xl bg-white ring-1 ring-slate-200">
          {items.map((e) => (
            <li key={e.id}>
              <Link href={`/sign/${e.id}`} className="flex items-center gap-3 px-4 py-3">
                <FileText className="h-5 w-5 shrink-0 text-brand-600" aria-hidden />
                <span className="min-w-0 flex-1">
                  <span className="block truncate font-medium">{e.title}</span>
                  <span className="block text-xs text-slate-500">{e.updatedAt.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai" })}</span>
                </span>
                <ChevronRight className="h-4 w-4 text-slate-400" aria-hidden />
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
