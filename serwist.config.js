// @ts-check
// Serwist's CLI mode: runs after `next build` (Turbopack), so the worker is
// built without the webpack plugin that Turbopack silently skips.
// `npm run build` checks that public/sw.js was really produced.
import { serwist } from "@serwist/next/config";

export default await serwist({
  swSrc: "app/sw.ts",
  swDest: "public/sw.js",
  globIgnores: ["**/share-target/**", "**/_share/**"],
  additionalPrecacheEntries: [{ url: "/~offline", revision: process.env.SOURCE_VERSION ?? String(Date.now()) }],
});
