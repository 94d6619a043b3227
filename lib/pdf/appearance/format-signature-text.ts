import type { SignatureAppearance } from "../types";

// Built-in labels keep lib/pdf usable on its own; the app can pass its own
// translated labels through `appearance.labels`.
const LABELS = {
  "zh-CN": { signer: "签署人", time: "签署时间", sep: "：" },
  en: { signer: "Signed by", time: "Date", sep: ": " },
} as const;

export function formatSignatureText(a: SignatureAppearance, fallbackTime: Date): [string, string] {
  const locale = a.locale ?? "zh-CN";
  const l = LABELS[locale] ?? LABELS["zh-CN"];
  const time = a.time ?? fallbackTime;
  const tz = a.timeZone ?? "Asia/Shanghai";
  const parts = Object.fromEntries(formatter(tz).formatToParts(time).map((p) => [p.type, p.value]));
  const offset = String(parts.timeZoneName ?? "").replace("GMT", "UTC") || "UTC";
  const stamp = `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second} ${offset}`;
  return [`${a.labels?.signer ?? l.signer}${l.sep}${a.name}`, `${a.labels?.time ?? l.time}${l.sep}${stamp}`];
}

// Building an Intl.DateTimeFormat costs about a millisecond: keep one per time zone.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", {
      timeZone, year: "numeric", month: "2-digit", day: "2-digit",
      hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23", timeZoneName: "shortOffset",
    });
    formatters.set(timeZone, f);
  }
  return f;
}
