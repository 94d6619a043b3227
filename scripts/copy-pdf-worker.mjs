// react-pdf renders with pdf.js, whose worker must be served as a plain file
// of exactly the version react-pdf uses. Copy it into public/ before dev and
// build (it is not committed: it belongs to the installed package).
import { copyFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const fromReactPdf = createRequire(createRequire(import.meta.url).resolve("react-pdf"));
const pkg = fromReactPdf.resolve("pdfjs-dist/package.json");
mkdirSync("public", { recursive: true });
copyFileSync(join(dirname(pkg), "build", "pdf.worker.min.mjs"), "public/pdf.worker.min.mjs");
console.log(`pdf.js worker ${fromReactPdf("pdfjs-dist/package.json").version} → public/pdf.worker.min.mjs`);
