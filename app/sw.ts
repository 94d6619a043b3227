/// <reference lib="webworker" />
import { defaultCache } from "@serwist/next/worker";
import type { PrecacheEntry, SerwistGlobalConfig } from "serwist";
import { CacheFirst, ExpirationPlugin, NetworkOnly, Serwist } from "serwist";

declare global {
  interface WorkerGlobalScope extends SerwistGlobalConfig {
    __SW_MANIFEST: (PrecacheEntry | string)[] | undefined;
  }
}
declare const self: ServiceWorkerGlobalScope;

// Pages that carry personal data or one-time state are never cached.
const NEVER_CACHE = /^\/(api|dev|login|confirm|onboarding|me|sign|share|share-target|_share|open-pdf|admin)(\/|$)/;

// The Android share sheet POSTs shared PDFs here. Caught before Serwist's own
// handlers: stash the files in Cache Storage under a synthetic /_share/ URL no
// route serves, then 303 so a reload never re-POSTs. The landing page opens
// them (after login if needed) and deletes them. Without an active worker the
// POST reaches app/share-target/route.ts instead.
self.addEventListener("fetch", (event: FetchEvent) => {
  const url = new URL(event.request.url);
  if (event.request.method !== "POST" || url.pathname !== "/share-target") return;
  event.respondWith(
    (async () => {
      try {
        const form = await event.request.formData();
        const files = form.getAll("file").filter((f): f is File => f instanceof File);
        if (files.length === 0) return Response.redirect("/share/received?error=NOT_A_PDF", 303);
        const id = crypto.randomUUID();
        const cache = await caches.open("share-inbox");
        await Promise.all(
          files.map((f, i) =>
            cache.put(`/_share/${id}/${i}`, new Response(f, { headers: { "content-type": f.type || "application/pdf", "x-filename": encodeURIComponent(f.name || "shared.pdf") } })),
          ),
        );
        return Response.redirect(`/share/received?id=${id}`, 303);
      } catch {
        return Response.redirect("/share/received?error=INTERNAL", 303);
      }
    })(),
  );
});

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  skipWaiting: true,
  clientsClaim: true,
  navigationPreload: true,
  runtimeCaching: [
    { matcher: ({ url, sameOrigin }) => sameOrigin && NEVER_CACHE.test(url.pathname), handler: new NetworkOnly() },
    // Face models: fetched once, on the liveness page only, then served from the cache.
    {
      matcher: ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith("/models/"),
      handler: new CacheFirst({ cacheName: "face-models", plugins: [new ExpirationPlugin({ maxEntries: 8, maxAgeSeconds: 30 * 86400 })] }),
    },
    ...defaultCache,
  ],
  fallbacks: {
    entries: [{ url: "/~offline", matcher: ({ request }) => request.destination === "document" }],
  },
});

serwist.addEventListeners();
