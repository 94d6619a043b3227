export type SmsPurpose = "login" | "register" | "confirm" | "renew" | "unlock" | "notify";
export interface SmsMessage { phone: string /* 11-digit mainland number, already validated */; purpose: SmsPurpose; templateParams: string[] /* e.g. [code, "5"] in template order */; text: string /* full rendered Chinese text, for outbox/logs */ }
export interface SmsSendResult { provider: string; messageId: string | null }
export interface SmsTransport { readonly name: string; send(msg: SmsMessage): Promise<SmsSendResult> }
