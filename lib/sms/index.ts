export { sendVerificationCode } from "./send-verification-code";
export { verifyVerificationCode } from "./verify-verification-code";
export { getSmsTransport, setSmsTransportForTests } from "./get-sms-transport";
export { SMS_RULES } from "./rules";
export type { SmsPurpose, SmsTransport, SmsMessage } from "./transports/types";
