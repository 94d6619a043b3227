// `npm run rotate-master-key`: after setting a new MASTER_KEY and moving the
// previous one into MASTER_KEYS_OLD, re-wraps every stored secret (CA keys,
// the pseudonym key, users' signing keys) under the new key. Safe to re-run;
// once it reports nothing left, the old key can be retired.
import { createPgPkiStore } from "@/lib/certificates/pg-pki-store";
import { closeDb, getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { loadMasterKeys, rotateMasterKey } from "@/lib/pki";

const masterKeys = loadMasterKeys({ dataDir: env().DATA_DIR });
const store = createPgPkiStore(await getDb());
const report = await rotateMasterKey({ store, masterKeys, log: (m: string) => console.log(m) });
console.log(JSON.stringify(report, null, 2));
await closeDb();
process.exit(Object.keys(report.failed).length === 0 ? 0 : 1);
