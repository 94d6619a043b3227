export { getDb, closeDb, type Db, type Tx } from "./client";
export * from "./schema";
