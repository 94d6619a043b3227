"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useState, useSyncExternalStore } from "react";
import { Alert } from "@/components/ui/alert";
import { uploadPdf } from "./upload-pdf";

interface LaunchParams {
  files: { kind: string; getFile(): Promise<File> }[];
}
declare global {
  interface Window {
    launchQueue?: { setConsumer(consumer: (params: LaunchParams) => void): void };
  }
}

/** Desktop "Open with 云签署": files arrive through the Launch Queue API. */
export function LaunchQueueConsumer() {
  const t = useTranslations("share");
  const router = useRouter();
  const supported = useSyncExternalStore(
    () => () => {},
    () => !!window.launchQueue,
    () => true,
  );
  const [state, setState] = useState<"waiting" | string>("waiting");
  useEffect(() => {
    if (!window.launchQueue) return;
    window.launchQueue.setConsumer(async (params) => {
      const handle = params.files.find((f) => f.kind === "file");
      if (!handle) return;
      const r = await uploadPdf(await handle.getFile());
      if (r.ok) router.replace(`/sign/${r.envelopeId}`);
      else setState(r.message ?? t("failed"));
    });
  }, [router, t]);
  if (!supported) return <Alert tone="info">{t("gone")}</Alert>;
  if (state === "waiting") return <p className="py-10 text-center text-sm text-slate-500">{t("opening")}</p>;
  return <Alert>{state}</Alert>;
}
