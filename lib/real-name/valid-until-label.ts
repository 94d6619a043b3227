/** What the confirmation page and the records show: a date, or 长期 for long-term cards. */
export const validUntilLabel = (v: string) => (v === "long-term" ? "长期" : v);
