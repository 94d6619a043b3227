// The one place the one-time-code rules live (see DESIGN.md §5).
export const SMS_RULES = {
  codeLength: 6,
  validMs: 5 * 60_000,
  resendAfterMs: 60_000,
  maxPerPhonePerDay: 10,
  maxPerIpPerHour: 20,
  maxPerIpPerDay: 60,
  maxWrongTries: 5,
} as const;
