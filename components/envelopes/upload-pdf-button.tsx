"use client";

import { FileUp } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { uploadPdf } from "./upload-pdf";

/** Picks a PDF and starts (or continues) an envelope with it. */
export function UploadPdfButton({ maxMb }: { maxMb: number }) {
  const t = useTranslations("sign");
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const upload = async (file: File) => {
    setError(null);
    if (file.size > maxMb * 1024 * 1024) {
      setError(t("tooLarge", { maxMb }));
      return;
    }
    setBusy(true);
    try {
      const r = await uploadPdf(file);
      if (!r.ok) {
        setError(r.message ?? t("uploadFailed"));
        return;
      }
      router.push(`/sign/${r.envelopeId}`);
    } finally {
      setBusy(false);
      if (input.current) input.current.value = "";
    }
  };

  return (
    <div className="space-y-2">
      <input
        ref={input}
        type="file"
        accept="application/pdf,.pdf"
        className="sr-only"
        id="pdf-upload"
        data-testid="pdf-upload"
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) void upload(f);
        }}
      />
      <Button size="lg" className="w-full" disabled={busy} onClick={() => input.current?.click()}>
        <FileUp className="h-5 w-5" aria-hidden />
        {busy ? t("uploading") : t("start")}
      </Button>
      {error && <Alert>{error}</Alert>}
    </div>
  );
}
