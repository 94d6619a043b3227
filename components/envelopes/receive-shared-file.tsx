"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { claimShareAction } from "@/app/(app)/actions";
import { Alert } from "@/components/ui/alert";
import { uploadPdf } from "./upload-pdf";

/**
 * The landing page of a share: the service worker left the file in Cache
 * Storage under /_share/<id>/<n> (or the server kept it under a token). Open it
 * as an envelope, delete the stash, and go to 发起签署.
 */
export function ReceiveSharedFile({ id, token }: { id?: string; token?: string }) {
  const t = useTranslations("share");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void (async () => {
      if (token) {
        const r = await claimShareAction(null, { token });
        if (r.ok) router.replace(`/sign/${r.data.envelopeId}`);
        else setError(r.message);
        return;
      }
      const cache = await caches.open("share-inbox");
      const entry = await cache.match(`/_share/${id}/0`);
      if (!entry) {
        setError(t("gone"));
        return;
      }
      const name = decodeURIComponent(entry.headers.get("x-filename") ?? "shared.pdf");
      const file = new File([await entry.blob()], name, { type: "application/pdf" });
      const r = await uploadPdf(file);
      if (!r.ok) {
        setError(r.message ?? t("failed"));
        return;
      }
      for (const key of await cache.keys()) if (new URL(key.url).pathname.startsWith(`/_share/${id}/`)) await cache.delete(key);
      router.replace(`/sign/${r.envelopeId}`);
    })();
  }, [id, token, router, t]);

  return error ? <Alert>{error}</Alert> : <p className="py-10 text-center text-sm text-slate-500">{t("opening")}</p>;
}
