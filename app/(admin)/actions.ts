"use server";

import { z } from "zod";
import { userAction } from "@/lib/actions/validated-action";
import { EvidenceAccessSchema, grantEvidenceAccess } from "@/lib/real-name/grant-evidence-access";
import { SETTING_KEYS, type SettingKey } from "@/lib/settings/registry";
import { updateSetting } from "@/lib/settings/update-setting";

// Admin actions: each lib function re-checks the admin flag in the database.

export const grantEvidenceAccessAction = userAction(EvidenceAccessSchema, async (input, { user, ip }) => {
  const { grantId, expiresAt } = await grantEvidenceAccess({ ...input, actorId: user.id, ip });
  return { grantId, expiresAt: expiresAt.toISOString() };
});

const SettingInput = z.object({ key: z.enum(SETTING_KEYS as [SettingKey, ...SettingKey[]]), value: z.string().trim().min(1, { message: "required" }).max(40, { message: "too_long" }) });

export const updateSettingAction = userAction(SettingInput, async ({ key, value }, { user, ip }) => {
  return { value: await updateSetting({ key, value, actorId: user.id, ip }) };
});
