/** Parses a PDF date "D:YYYYMMDDHHmmSSOHH'mm'" (every part after the year optional). */
export function parsePdfDate(s: string): Date | undefined {
  const m = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:([Zz+-])(\d{2})?'?(\d{2})?'?)?/.exec(s.trim());
  if (!m) return undefined;
  const n = (x: string | undefined, d: number) => (x === undefined ? d : Number(x));
  let t = Date.UTC(Number(m[1]), n(m[2], 1) - 1, n(m[3], 1), n(m[4], 0), n(m[5], 0), n(m[6], 0));
  if (m[7] === "+" || m[7] === "-") t -= (m[7] === "-" ? -1 : 1) * (n(m[8], 0) * 60 + n(m[9], 0)) * 60000;
  return Number.isNaN(t) ? undefined : new Date(t);
}
