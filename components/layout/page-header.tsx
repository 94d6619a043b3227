import { ChevronLeft } from "lucide-react";
import Link from "next/link";

export function PageHeader({ title, backHref, backLabel }: { title: string; backHref?: string; backLabel?: string }) {
  return (
    <header className="sticky top-0 z-10 flex h-14 items-center gap-2 border-b border-slate-200 bg-white/95 px-2 backdrop-blur">
      {backHref ? (
        <Link href={backHref} aria-label={backLabel} className="flex h-10 w-10 items-center justify-center rounded-full text-slate-600 hover:bg-slate-100">
          <ChevronLeft className="h-6 w-6" />
        </Link>
      ) : (
        <span className="w-2" />
      )}
      <h1 className="text-lg font-semibold text-slate-900">{title}</h1>
    </header>
  );
}
