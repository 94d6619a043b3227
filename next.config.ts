import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  // Camera stays available to our own pages (ID photos, liveness) only.
  { key: "Permissions-Policy", value: "camera=(self), microphone=(), geolocation=()" },
];

const nextConfig: NextConfig = {
  reactStrictMode: true,
  // `next dev` would otherwise write AGENTS.md files into the working tree.
  agentRules: false,
  experimental: { agentUpgrade: false },
  poweredByHeader: false,
  // Types are checked once by `npm run typecheck` (strict, whole repo, run by
  // .ci/run before the build); Next's own pass would repeat it on 2 cores.
  typescript: { ignoreBuildErrors: true },
  // PGlite loads its WASM and data files relative to its own package; bundling breaks that.
  // The same for the face models, tfjs WASM binaries and OCR data that
  // lib/identity reads from node_modules at run time.
  serverExternalPackages: ["@electric-sql/pglite", "node-forge", "@vladmandic/face-api", "@tensorflow/tfjs", "@tensorflow/tfjs-backend-wasm", "tesseract.js"],
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // The worker must always be revalidated, or users keep a stale app shell.
      { source: "/sw.js", headers: [{ key: "Cache-Control", value: "no-cache, no-store, must-revalidate" }] },
    ];
  },
};

export default withNextIntl(nextConfig);
