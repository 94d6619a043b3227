import zh from "@/messages/zh-CN.json";
import type { SmsPurpose } from "./transports/types";

// Text messages go to mainland phones and are always Chinese, whatever the
// page's locale; providers send their approved template, this is our copy.
export function renderSmsText(purpose: SmsPurpose, code: string, minutes: number): string {
  const purposeName = zh.sms.purpose[purpose];
  return zh.sms.code.replace("{purpose}", purposeName).replace("{code}", code).replace("{minutes}", String(minutes));
}
