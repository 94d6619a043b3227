// PIPL: ID numbers are sensitive personal information. Anything shown in the UI,
// written to logs or to the audit trail uses this masked form (110***********123X):
// the first 3 digits (province + city hint) and the last 4 stay readable so a user
// can recognise their own number, the birth date and sequence are hidden.

const KEEP_HEAD = 3;
const KEEP_TAIL = 4;

export function maskIdNumber(idNumber: string): string {
  const s = idNumber.trim().toUpperCase();
  if (s.length <= KEEP_HEAD + KEEP_TAIL) return "*".repeat(s.length);
  return s.slice(0, KEEP_HEAD) + "*".repeat(s.length - KEEP_HEAD - KEEP_TAIL) + s.slice(-KEEP_TAIL);
}
