// Files the browser loads from our own origin, copied out of installed
// packages before dev and build (not committed: they belong to the packages):
// - pdf.js's worker, of exactly the version react-pdf uses;
// - the face-api models for live guidance on the liveness page (the server
//   re-checks everything with its own copy).
import { copyFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);
const fromReactPdf = createRequire(require.resolve("react-pdf"));
const pdfjs = dirname(fromReactPdf.resolve("pdfjs-dist/package.json"));
mkdirSync("public", { recursive: true });
copyFileSync(join(pdfjs, "build", "pdf.worker.min.mjs"), "public/pdf.worker.min.mjs");

const models = join(dirname(require.resolve("@vladmandic/face-api/package.json")), "model");
mkdirSync("public/models", { recursive: true });
for (const name of ["tiny_face_detector_model", "face_landmark_68_model"]) {
  for (const ext of ["-weights_manifest.json", ".bin"]) copyFileSync(join(models, name + ext), join("public/models", name + ext));
}
console.log(`browser assets: pdf.js worker ${fromReactPdf("pdfjs-dist/package.json").version}, face models → public/`);
