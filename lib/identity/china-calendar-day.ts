// ID cards print calendar days in China Standard Time (UTC+8, no DST). Comparing
// against "today" in UTC would reject a card or birth date for 8 hours a day.
export function chinaCalendarDay(now: Date): Date {
  const beijing = new Date(now.getTime() + 8 * 3600_000);
  return new Date(Date.UTC(beijing.getUTCFullYear(), beijing.getUTCMonth(), beijing.getUTCDate()));
}
