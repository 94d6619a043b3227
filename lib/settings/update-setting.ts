import "server-only";
import { eq } from "drizzle-orm";
import { appendAuditEntry } from "@/lib/audit";
import { getDb } from "@/lib/db";
import { appSettings } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { SETTINGS, type SettingKey } from "./registry";

/** Admin only (the caller checks); the old and new value go to the audit log. */
export async function updateSetting({ key, value, actorId, ip }: { key: SettingKey; value: unknown; actorId: string; ip?: string | null }) {
  const parsed = SETTINGS[key].schema.safeParse(value);
  if (!parsed.success) throw new AppError("INVALID_INPUT", `bad value for ${key}`);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [old] = await tx.select({ value: appSettings.value }).from(appSettings).where(eq(appSettings.key, key)).for("update");
    await tx
      .insert(appSettings)
      .values({ key, value: parsed.data, updatedBy: actorId, updatedAt: new Date() })
      .onConflictDoUpdate({ target: appSettings.key, set: { value: parsed.data, updatedBy: actorId, updatedAt: new Date() } });
    await appendAuditEntry({ db: tx, actorId, action: "settings.updated", subjectType: "setting", subjectId: key, ip, data: { from: old?.value ?? null, to: parsed.data } });
  });
  return parsed.data;
}
