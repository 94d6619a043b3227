import type { ReactNode } from "react";
import { cn } from "@/lib/cn";

export function Alert({ tone = "error", children }: { tone?: "error" | "info" | "success"; children: ReactNode }) {
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      className={cn(
        "rounded-xl px-4 py-3 text-sm",
        tone === "error" && "bg-red-50 text-red-700 ring-1 ring-red-200",
        tone === "info" && "bg-brand-50 text-brand-800 ring-1 ring-brand-100",
        tone === "success" && "bg-emerald-50 text-emerald-800 ring-1 ring-emerald-200",
      )}
    >
      {children}
    </div>
  );
}
