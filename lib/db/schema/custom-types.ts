import { customType } from "drizzle-orm/pg-core";

/** bytea as a Uint8Array (postgres.js gives Buffers, PGlite Uint8Arrays: both are). */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
});
