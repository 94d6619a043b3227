// Fails the build when the service worker was not produced: a missing sw.js
// silently breaks offline use and the share target (see shared/specs/pwa-share-target.md).
import { readFileSync, statSync } from "node:fs";

const file = "public/sw.js";
try {
  const size = statSync(file).size;
  const text = readFileSync(file, "utf8");
  if (size < 1000 || !text.includes("~offline")) throw new Error(`${file} looks incomplete (${size} bytes)`);
  console.log(`service worker OK: ${file} (${(size / 1024).toFixed(1)} KiB)`);
} catch (e) {
  console.error(`service worker missing: ${e.message}`);
  process.exit(1);
}
