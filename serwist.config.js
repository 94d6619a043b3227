// @ts-check
// Serwist's CLI mode: runs after `next build` (Turbopack), so the worker is
// built without the webpack plugin that Turbopack silently skips.
// `npm run build` checks that public/sw.js was really produced.
import { serwist } from "@serwist/next/config";

export default await serwist({
  swSrc: "app/sw.ts",
  swDest: "public/sw.js",
  // Face models load only on the liveness page (runtime-cached by app/sw.ts).
  globIgnores: ["**/share-target/**", "**/_share/**", "**/models/**", "models/**"],
  additionalPrecacheEntries: [{ url: "/~offline", revision: process.env.SOURCE_VERSION ?? String(Date.now()) }],
});
