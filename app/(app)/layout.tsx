import type { ReactNode } from "react";
import { BottomTabs } from "@/components/layout/bottom-tabs";

// The four tabs' pages: room at the bottom for the tab bar.
export default function TabsLayout({ children }: { children: ReactNode }) {
  return (
    <div className="mx-auto min-h-dvh max-w-lg pb-24">
      {children}
      <BottomTabs />
    </div>
  );
}
