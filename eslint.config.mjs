import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next/**", "node_modules/**", "public/sw.js", "public/pdf.worker.min.mjs", "public/models/**", "data/**", "test-results/**", "next-env.d.ts"],
  },
  {
    rules: {
      // Errors are values in this codebase; unused catch bindings and args prefixed _ are intentional.
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
    },
  },
];

export default config;
