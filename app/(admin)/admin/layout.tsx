import type { ReactNode } from "react";
import { requireAdmin } from "@/lib/auth/guards";

// Admin pages: wider than the phone tabs, no tab bar. The guard here is for
// navigation; every admin read and write checks the flag again on the server.
export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requireAdmin("/admin");
  return <div className="mx-auto min-h-dvh max-w-3xl pb-12">{children}</div>;
}
