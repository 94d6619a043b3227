"use client";

import { FileSignature, Home, ShieldCheck, User } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { cn } from "@/lib/cn";

const TABS = [
  { href: "/", key: "home", icon: Home },
  { href: "/sign", key: "sign", icon: FileSignature },
  { href: "/authorize", key: "authorize", icon: ShieldCheck },
  { href: "/me", key: "me", icon: User },
] as const;

export function BottomTabs() {
  const t = useTranslations("tabs");
  const pathname = usePathname();
  return (
    <nav aria-label="tabs" className="fixed inset-x-0 bottom-0 z-20 border-t border-slate-200 bg-white pb-[env(safe-area-inset-bottom)]">
      <ul className="mx-auto grid max-w-lg grid-cols-4">
        {TABS.map(({ href, key, icon: Icon }) => {
          const active = href === "/" ? pathname === "/" : pathname.startsWith(href);
          return (
            <li key={key}>
              <Link
                href={href}
                aria-current={active ? "page" : undefined}
                className={cn("flex h-16 flex-col items-center justify-center gap-1 text-xs", active ? "text-brand-600" : "text-slate-500")}
              >
                <Icon className="h-6 w-6" aria-hidden />
                {t(key)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
