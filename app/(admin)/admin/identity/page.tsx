import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/layout/page-header";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { requireAdmin } from "@/lib/auth/guards";
import { listVerifications, VERIFICATIONS_PAGE_SIZE } from "@/lib/real-name/list-verifications";
import { maskPhone } from "@/lib/validation/phone";

export default async function AdminIdentityList({ searchParams }: { searchParams: Promise<{ q?: string; page?: string }> }) {
  const admin = await requireAdmin("/admin/identity");
  const t = await getTranslations("admin");
  const format = await getFormatter();
  const sp = await searchParams;
  const q = typeof sp.q === "string" ? sp.q.slice(0, 40) : "";
  const page = Math.max(0, Math.min(10_000, Number.parseInt(sp.page ?? "0", 10) || 0));
  const rows = await listVerifications({ actorId: admin.id, query: q, page });
  const pageHref = (p: number) => `/admin/identity?${new URLSearchParams({ ...(q ? { q } : {}), page: String(p) })}`;
  return (
    <>
      <PageHeader title={t("identity.title")} backHref="/admin" backLabel={t("back")} />
      <main className="space-y-4 px-4 py-5">
        <form className="flex gap-2" role="search">
          <Input name="q" defaultValue={q} placeholder={t("identity.search")} aria-label={t("identity.search")} maxLength={40} />
          <Button type="submit" variant="secondary">
            {t("identity.searchButton")}
          </Button>
        </form>
        {rows.length === 0 ? (
          <p className="text-sm text-slate-500">{t("identity.empty")}</p>
        ) : (
          <ul className="divide-y divide-slate-200 rounded-2xl bg-white ring-1 ring-slate-200" data-testid="verification-list">
            {rows.map((r) => (
              <li key={r.id}>
                <Link href={`/admin/identity/${r.id}`} className="flex items-center justify-between gap-3 px-4 py-3 hover:bg-slate-50">
                  <span>
                    <span className="font-medium">{r.nameOnCard}</span>
                    <span className="ml-2 text-sm text-slate-500">{r.idNumberMasked}</span>
                    <span className="block text-xs text-slate-500">
                      {r.project} · {maskPhone(r.phone)} · {format.dateTime(r.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                    </span>
                  </span>
                  <span className="shrink-0 text-right text-xs">
                    <span className={r.status === "passed" ? "text-emerald-700" : "text-amber-700"}>{t(`identity.status.${r.status}`)}</span>
                    <span className="block text-slate-500">{t("identity.attempts", { n: r.attempts })}</span>
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
        <nav className="flex justify-between text-sm">
          {page > 0 ? <Link href={pageHref(page - 1)}>{t("previous")}</Link> : <span />}
          {rows.length === VERIFICATIONS_PAGE_SIZE && <Link href={pageHref(page + 1)}>{t("next")}</Link>}
        </nav>
      </main>
    </>
  );
}
