import { Search } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { MembershipCard } from "@/components/onboarding/membership-card";
import { getCurrentUser } from "@/lib/auth/guards";
import { listMemberships } from "@/lib/onboarding";
import { searchProjects, SearchQuerySchema } from "@/lib/projects/search-projects";

export default async function HomePage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  const t = await getTranslations();
  const raw = (await searchParams).q;
  const parsed = SearchQuerySchema.safeParse(typeof raw === "string" ? raw : "");
  const q = parsed.success ? parsed.data : "";
  const results = q ? await searchProjects({ query: q }) : [];
  const user = await getCurrentUser();
  const mine = user ? await listMemberships({ userId: user.id }) : [];

  return (
    <main className="space-y-5 px-4 pt-6">
      <div>
        <h1 className="text-2xl font-bold text-brand-700">{t("app.name")}</h1>
        <p className="mt-1 text-sm text-slate-500">{t("app.tagline")}</p>
      </div>

      <form role="search" action="/" method="get" className="flex gap-2">
        <label htmlFor="q" className="sr-only">
          {t("home.searchLabel")}
        </label>
        <Input id="q" name="q" type="search" defaultValue={q} maxLength={50} placeholder={t("home.searchPlaceholder")} enterKeyHint="search" />
        <Button type="submit" size="lg" aria-label={t("home.search")}>
          <Search className="h-5 w-5" aria-hidden />
        </Button>
      </form>
      {!parsed.success && <Alert>{t("validation.too_long")}</Alert>}

      {q && (
        <section aria-labelledby="results-title" className="space-y-2">
          <h2 id="results-title" className="text-sm font-medium text-slate-500">
            {t("home.results")}
          </h2>
          {results.length === 0 && <Alert tone="info">{t("home.noResults", { q })}</Alert>}
          {results.map((p) => (
            <Link key={p.id} href={`/projects/${p.slug}`} className="block">
              <Card className="hover:ring-brand-300">
                <div className="text-lg font-semibold">{p.name}</div>
                {p.description && <div className="mt-1 text-sm text-slate-500">{p.description}</div>}
              </Card>
            </Link>
          ))}
        </section>
      )}

      {mine.length > 0 && (
        <section aria-labelledby="mine-title" className="space-y-2">
          <h2 id="mine-title" className="text-sm font-medium text-slate-500">
            {t("home.myProjects")}
          </h2>
          {mine.map((m) => (
            <MembershipCard key={m.membership.id} membership={m.membership} project={m.project} role={m.role} />
          ))}
        </section>
      )}

      {!q && mine.length === 0 && <p className="text-sm leading-6 text-slate-600">{t("home.hint")}</p>}

      <div className="flex justify-center gap-6 text-sm">
        <Link href="/install" className="text-brand-600 underline-offset-4 hover:underline">
          {t("home.install")}
        </Link>
        <Link href="/verify" className="text-brand-600 underline-offset-4 hover:underline">
          {t("home.verify")}
        </Link>
      </div>
    </main>
  );
}
