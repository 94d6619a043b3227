import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Browser journeys: a production build, one server, Debian's Chromium driven
// by playwright-core. Files run one after another against that server.
export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL(".", import.meta.url)) } },
  test: {
    include: ["tests/e2e/**/*.spec.ts"],
    globalSetup: ["./tests/e2e/global-setup.ts"],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 180_000,
    pool: "forks",
  },
});
