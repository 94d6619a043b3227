import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { appSettings } from "@/lib/db/schema";
import { SETTINGS, type SettingKey, type SettingValue } from "./registry";

/**
 * The stored value when it still satisfies the schema, else the default. A
 * value written under older bounds is ignored rather than trusted.
 */
export async function getSetting<K extends SettingKey>(key: K): Promise<SettingValue<K>> {
  const db = await getDb();
  const [row] = await db.select({ value: appSettings.value }).from(appSettings).where(eq(appSettings.key, key));
  const parsed = row ? SETTINGS[key].schema.safeParse(row.value) : null;
  return (parsed?.success ? parsed.data : SETTINGS[key].fallback()) as SettingValue<K>;
}
