"use client";

import { Download } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";

interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<void>;
  userChoice: Promise<{ outcome: "accepted" | "dismissed" }>;
}

/** Chromium's install prompt, offered on our own button once the browser allows it. */
export function InstallButton() {
  const t = useTranslations("install");
  const [event, setEvent] = useState<BeforeInstallPromptEvent | null>(null);
  const [installed, setInstalled] = useState(false);
  useEffect(() => {
    const onPrompt = (e: Event) => {
      e.preventDefault();
      setEvent(e as BeforeInstallPromptEvent);
    };
    const onInstalled = () => setInstalled(true);
    window.addEventListener("beforeinstallprompt", onPrompt);
    window.addEventListener("appinstalled", onInstalled);
    return () => {
      window.removeEventListener("beforeinstallprompt", onPrompt);
      window.removeEventListener("appinstalled", onInstalled);
    };
  }, []);
  if (installed) return <p className="text-center text-sm text-emerald-700">{t("installed")}</p>;
  if (!event) return null;
  return (
    <Button
      size="lg"
      className="w-full"
      onClick={async () => {
        await event.prompt();
        if ((await event.userChoice).outcome === "accepted") setInstalled(true);
        setEvent(null);
      }}
    >
      <Download className="h-5 w-5" aria-hidden />
      {t("installButton")}
    </Button>
  );
}
