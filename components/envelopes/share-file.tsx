"use client";

import { Download, Share2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";

/**
 * Download, and the system share sheet with the file where supported (Android
 * Chrome, iOS Safari): the next signer can receive it in WeChat and open it here.
 * The file is fetched beforehand: sharing needs the click's user activation.
 */
export function ShareFile({ url, fileName }: { url: string; fileName: string }) {
  const t = useTranslations("sign");
  const [file, setFile] = useState<File | null>(null);
  useEffect(() => {
    if (typeof navigator.canShare !== "function") return;
    let cancelled = false;
    void fetch(url)
      .then((r) => (r.ok ? r.blob() : null))
      .then((blob) => {
        if (!blob || cancelled) return;
        const f = new File([blob], fileName, { type: "application/pdf" });
        if (navigator.canShare({ files: [f] })) setFile(f);
      });
    return () => {
      cancelled = true;
    };
  }, [url, fileName]);
  return (
    <div className="grid grid-cols-2 gap-2">
      <Button asChild variant="secondary">
        <a href={url} download={fileName} data-testid="download-link">
          <Download className="h-4 w-4" aria-hidden />
          {t("download")}
        </a>
      </Button>
      <Button
        variant="secondary"
        disabled={!file}
        onClick={async () => {
          try {
            await navigator.share({ files: [file!], title: fileName });
          } catch (e) {
            if ((e as DOMException).name !== "AbortError") throw e;
          }
        }}
      >
        <Share2 className="h-4 w-4" aria-hidden />
        {t("share")}
      </Button>
    </div>
  );
}
