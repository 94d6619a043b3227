// `npm run test:e2e`: browser journeys against a production build (built on
// demand by tests/e2e/global-setup.ts), in Debian's Chromium.
import { printSummary, runVitest } from "./run-vitest.mjs";

const run = runVitest({ label: "end-to-end (Chromium)", args: ["--config", "vitest.e2e.config.ts", ...process.argv.slice(2)] });
process.exit(printSummary("e2e", [run]) ? 0 : 1);
