"use client";

import { useEffect } from "react";

/**
 * Registers /sw.js (built by Serwist after `next build`). Skipped in
 * development, where a caching worker would serve stale code.
 */
export function ServiceWorkerRegistration({ enabled }: { enabled: boolean }) {
  useEffect(() => {
    if (!enabled || !("serviceWorker" in navigator)) return;
    navigator.serviceWorker.register("/sw.js", { scope: "/", updateViaCache: "none" }).catch((e) => {
      console.warn("service worker registration failed", e);
    });
  }, [enabled]);
  return null;
}
