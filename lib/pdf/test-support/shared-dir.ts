import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

// shared/ sits beside the repository (here /work/shared; in CI beside the fresh clone).
const besideRepo = fileURLToPath(new URL("../../../../shared", import.meta.url));
export const SHARED = process.env.CLOUDSIGN_SHARED_DIR ?? (existsSync(besideRepo) ? besideRepo : "/work/shared");
export const CORPUS = `${SHARED}/corpus/pdf`;
