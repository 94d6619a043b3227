import { ChevronRight, LogOut, PenLine, Shield } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { logoutAction } from "@/app/(app)/actions";
import { LocaleSwitcher } from "@/components/i18n/locale-switcher";
import { PageHeader } from "@/components/layout/page-header";
import { MembershipCard } from "@/components/onboarding/membership-card";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/guards";
import { listMemberships } from "@/lib/onboarding";
import { maskPhone } from "@/lib/validation/phone";

export default async function MePage() {
  const user = await requireUser("/me");
  const t = await getTranslations();
  const mine = await listMemberships({ userId: user.id });
  // Form actions must return void; the result only matters on failure, which logout has none of worth showing.
  const logout = async (fd: FormData) => {
    "use server";
    await logoutAction(null, fd);
  };
  return (
    <>
      <PageHeader title={t("me.title")} />
      <main className="space-y-5 px-4 py-5">
        <Card>
          <div className="text-lg font-semibold">{user.realName ?? maskPhone(user.phone)}</div>
          <div className="mt-1 text-sm text-slate-500">
            {t("me.phone")}：{maskPhone(user.phone)}
          </div>
        </Card>
        {mine.length > 0 && (
          <section className="space-y-2" aria-labelledby="mine-title">
            <h2 id="mine-title" className="text-sm font-medium text-slate-500">
              {t("me.memberships")}
            </h2>
            {mine.map((m) => (
              <MembershipCard key={m.membership.id} membership={m.membership} project={m.project} role={m.role} />
            ))}
          </section>
        )}
        <Link href="/me/signature" className="flex items-center justify-between rounded-2xl bg-white px-4 py-3 ring-1 ring-slate-200">
          <span className="flex items-center gap-2">
            <PenLine className="h-4 w-4 text-brand-600" aria-hidden />
            {t("me.signature")}
          </span>
          <ChevronRight className="h-4 w-4 text-slate-400" aria-hidden />
        </Link>
        {user.isAdmin && (
          <Button asChild variant="secondary" className="w-full">
            <Link href="/admin">
              <Shield className="h-4 w-4" aria-hidden />
              {t("me.admin")}
            </Link>
          </Button>
        )}
        <LocaleSwitcher />
        <div className="space-y-2">
          <form action={logout}>
            <input type="hidden" name="everywhere" value="0" />
            <Button type="submit" variant="danger" size="lg" className="w-full">
              <LogOut className="h-4 w-4" aria-hidden />
              {t("me.logout")}
            </Button>
          </form>
          <form action={logout}>
            <input type="hidden" name="everywhere" value="1" />
            <Button type="submit" variant="ghost" className="w-full">
              {t("me.logoutAll")}
            </Button>
          </form>
          <p className="text-center text-xs text-slate-500">{t("me.logoutAllHint")}</p>
        </div>
      </main>
    </>
  );
}
