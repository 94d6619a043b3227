// Pulls 签发机关 and 有效期限 out of OCR text of the card back. Tesseract puts
// spaces between CJK characters, reads stray quotes after labels and confuses
// letters with digits, so the date is rebuilt from its digits alone: exactly
// 8 + 8 (or 8 + 长期), real calendar dates, and the period the law allows.
// Anything else is null — a wrong expiry date is worse than asking the user.

export interface IdCardBackText {
  issuer: string | null;
  /** "YYYY.MM.DD-YYYY.MM.DD" or "YYYY.MM.DD-长期" — the form checkCardValidity accepts. */
  validity: string | null;
}

const NOISE = /[\s"'“”‘’`:：,，.。、·_\-—~|]/g;
const DIGIT_LOOKALIKES: Record<string, string> = {
  O: "0", o: "0", D: "0", Q: "0", I: "1", l: "1", i: "1", L: "1", "|": "1", "!": "1",
  Z: "2", z: "2", S: "5", s: "5", G: "6", b: "6", B: "8", g: "9", q: "9",
};
const DASHES = /[-‐‑‒–—―一~～至到_]/g;

export function parseIdCardBackText(text: string): IdCardBackText {
  const lines = text.normalize("NFKC").split(/\r?\n/).filter((l) => l.trim());
  return { issuer: findIssuer(lines), validity: findValidity(lines) };
}

function findIssuer(lines: string[]): string | null {
  const compact = lines.map((l) => l.replace(NOISE, ""));
  const candidate = compact.map(afterIssuerLabel).find((l) => l) ?? compact.find((l) => l.includes("公安") && !/\d/.test(l));
  const han = candidate?.replace(/[^\p{Script=Han}]/gu, "") ?? "";
  // Every issuer is a public security bureau or one of its branches: 某某市公安局某某分局, 某某县公安局.
  return han.length >= 4 && han.length <= 30 && (han.includes("公安") || han.endsWith("局")) ? han : null;
}

/** Text after "签发机关": after its closing 关, or after 4 characters when at least 2 of them are label characters. */
function afterIssuerLabel(line: string): string | null {
  const close = line.slice(0, 5).indexOf("关");
  if (close >= 0) return line.slice(close + 1);
  const labelChars = [...line.slice(0, 4)].filter((c) => "签发机关".includes(c)).length;
  return labelChars >= 2 ? line.slice(4) : null;
}

function findValidity(lines: string[]): string | null {
  const labelled = lines.findIndex((l) => /有\s*效|效\s*期|期\s*限/.test(l));
  // The label's own 期 must not read as 长期, so drop everything up to the label's end.
  const candidates = labelled >= 0 ? [lines[labelled].replace(/^.*?(?:期\s*限|有\s*效\s*期|效\s*期)/, ""), ...lines] : lines;
  for (const line of candidates) {
    const v = parseValidity(line);
    if (v) return v;
  }
  return null;
}

function parseValidity(raw: string): string | null {
  const s = raw.replace(/[OoDQIliL|!ZzSsGbBgq]/g, (c) => DIGIT_LOOKALIKES[c]).replace(DASHES, "-").replace(/\s/g, "");
  const longTerm = /\d[^\d]*[长期]/.test(s);
  const dates = (longTerm ? s.slice(0, s.search(/[长期]/)) : s).replace(/[^\d-]/g, "");
  const groups = dates.split("-").filter(Boolean);
  const digits = groups.join("");
  let from: string, until: string | null = null;
  if (longTerm) {
    if (digits.length !== 8) return null;
    from = digits;
  } else {
    // With a separator each side must have 8 digits; without one (dash lost) the 16 digits split evenly.
    if (digits.length !== 16 || (groups.length === 2 && groups[0].length !== 8)) return null;
    [from, until] = [digits.slice(0, 8), digits.slice(8)];
  }
  const start = toDate(from), end = until === null ? null : toDate(until);
  if (!start || (until !== null && (!end || !isStatutoryPeriod(start, end)))) return null;
  return `${dotted(from)}-${until === null ? "长期" : dotted(until)}`;
}

function toDate(yyyymmdd: string): Date | null {
  const y = Number(yyyymmdd.slice(0, 4)), m = Number(yyyymmdd.slice(4, 6)), d = Number(yyyymmdd.slice(6, 8));
  // Resident ID cards exist since 1984; a year outside that span is a misread.
  if (y < 1984 || y > 2100) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d ? dt : null;
}

/**
 * 居民身份证法 art. 5: a card is valid 5, 10 or 20 years from its start date
 * (or long-term), so the end is the start moved by that many years — a 29 Feb
 * start may end on 28 Feb or 1 Mar. Catches single-digit misreads that still
 * form real dates (2036.01.01 read as 2036.07.01).
 */
function isStatutoryPeriod(start: Date, end: Date): boolean {
  return [5, 10, 20].some((years) => {
    const y = start.getUTCFullYear() + years, m = start.getUTCMonth(), d = start.getUTCDate();
    const exact = Date.UTC(y, m, d);
    const leapDay = m === 1 && d === 29 && (end.getTime() === Date.UTC(y, 1, 28) || end.getTime() === Date.UTC(y, 2, 1));
    return end.getTime() === exact || leapDay;
  });
}

function dotted(d: string): string {
  return `${d.slice(0, 4)}.${d.slice(4, 6)}.${d.slice(6, 8)}`;
}
