import { z } from "zod";

// Every setting an admin may change at run time: its schema (the bounds an
// operator cannot go past) and its default (the environment, else a constant).
export const SETTINGS = {
  /** Days raw liveness frames are kept; hashes, scores and verdicts stay. */
  evidenceRetentionDays: {
    schema: z.coerce.number().int().min(1).max(3650),
    fallback: () => {
      const d = Number(process.env.EVIDENCE_RETENTION_DAYS ?? 30);
      return Number.isInteger(d) && d >= 1 && d <= 3650 ? d : 30;
    },
  },
} as const;

export type SettingKey = keyof typeof SETTINGS;
export type SettingValue<K extends SettingKey> = z.infer<(typeof SETTINGS)[K]["schema"]>;
export const SETTING_KEYS = Object.keys(SETTINGS) as SettingKey[];
