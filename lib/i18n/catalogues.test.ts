import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";
import { ERROR_CODES } from "@/lib/errors";

function keys(obj: unknown, prefix = ""): string[] {
  if (obj === null || typeof obj !== "object") return [prefix];
  return Object.entries(obj as Record<string, unknown>).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe("message catalogues", () => {
  it("English has exactly the keys of Chinese", () => {
    expect(keys(en).sort()).toEqual(keys(zh).sort());
  });

  it("every AppError code has a translated message in both locales", () => {
    for (const code of Object.keys(ERROR_CODES)) {
      expect(zh.errors, code).toHaveProperty(code);
      expect(en.errors, code).toHaveProperty(code);
    }
  });

  it("placeholders agree between locales", () => {
    const zhKeys = keys(zh);
    const get = (o: unknown, path: string) => path.split(".").reduce<unknown>((a, k) => (a as Record<string, unknown> | undefined)?.[k], o) as string;
    for (const k of zhKeys) {
      const ph = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort().join();
      expect(ph(get(en, k)), k).toBe(ph(get(zh, k)));
    }
  });
});
