import { existsSync } from "node:fs";
import { join } from "node:path";

// ../shared sits beside the checkout (in CI beside the fresh clone).
const besideRepo = join(process.cwd(), "..", "shared");
export const SHARED_DIR = process.env.CLOUDSIGN_SHARED_DIR ?? (existsSync(besideRepo) ? besideRepo : "/work/shared");
export const ASTRONAUT_PATH = join(SHARED_DIR, "fixtures", "faces", "astronaut.png");
