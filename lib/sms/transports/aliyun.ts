import { randomBytes } from "node:crypto";
import { createProviderError } from "./create-provider-error";
import { postProviderRequest } from "./post-provider-request";
import { signAcs3Request } from "./sign-acs3";
import type { SmsMessage, SmsPurpose, SmsSendResult, SmsTransport } from "./types";

// Alibaba Cloud SMS (dysmsapi), SendSms API version 2017-05-25, RPC style:
// parameters in the query string, POST with an empty body.

/**
 * Aliyun templates name their variables (${code}), while SmsMessage carries
 * them positionally. By default the first value is `code` and the second
 * `minutes` (validity), matching our OTP templates "验证码${code}，${minutes}分钟内有效".
 * A purpose whose template uses other names overrides them here.
 */
const DEFAULT_PARAM_NAMES = ["code", "minutes"];

export interface AliyunSmsTransportOptions {
  accessKeyId: string;
  accessKeySecret: string;
  /** Approved sign, e.g. "云签署". */
  signName: string;
  /** Approved template code per purpose, e.g. "SMS_15305xxxx". */
  templateCodes: Record<SmsPurpose, string>;
  templateParamNames?: Partial<Record<SmsPurpose, string[]>>;
  /** Must be an origin root: the signature covers the path "/". */
  endpoint?: string;
  fetch?: typeof globalThis.fetch;
  now?: () => number;
  /** Unique per request (replay protection on Aliyun's side). */
  nonce?: () => string;
  timeoutMs?: number;
}

interface AliyunBody { Code?: string; Message?: string; BizId?: string; RequestId?: string }

const PROVIDER = "aliyun";
const RATE_LIMIT_CODES = new Set(["isv.BUSINESS_LIMIT_CONTROL", "isv.DAY_LIMIT_CONTROL", "isv.MONTH_LIMIT_CONTROL"]);

export function createAliyunSmsTransport(opts: AliyunSmsTransportOptions): SmsTransport {
  const url = new URL(opts.endpoint ?? "https://dysmsapi.aliyuncs.com/");
  const fetchImpl = opts.fetch ?? globalThis.fetch;
  const now = opts.now ?? (() => Date.now());
  const nonce = opts.nonce ?? (() => randomBytes(16).toString("hex"));
  const timeoutMs = opts.timeoutMs ?? 10_000;

  async function send(msg: SmsMessage): Promise<SmsSendResult> {
    const names = opts.templateParamNames?.[msg.purpose] ?? DEFAULT_PARAM_NAMES;
    if (msg.templateParams.length > names.length) {
      // A config bug, not a provider failure: fail loudly before spending money.
      throw new Error(`aliyun template for "${msg.purpose}" has no name for parameter ${names.length + 1}`);
    }
    // Values must be JSON strings, even numeric codes.
    const templateParam = Object.fromEntries(msg.templateParams.map((v, i) => [names[i], String(v)]));

    const signed = signAcs3Request({
      accessKeyId: opts.accessKeyId,
      accessKeySecret: opts.accessKeySecret,
      method: "POST",
      host: url.host,
      query: {
        PhoneNumbers: msg.phone, // bare 11 digits; one number per OTP send
        SignName: opts.signName,
        TemplateCode: opts.templateCodes[msg.purpose],
        TemplateParam: JSON.stringify(templateParam),
      },
      headers: {
        "x-acs-action": "SendSms",
        "x-acs-version": "2017-05-25",
        "x-acs-date": new Date(now()).toISOString().replace(/\.\d{3}Z$/, "Z"), // no millis
        "x-acs-signature-nonce": nonce(),
        accept: "application/json",
      },
    });
    const reply = await postProviderRequest({
      provider: PROVIDER,
      fetch: fetchImpl,
      url: `${url.origin}/?${signed.canonicalQueryString}`,
      headers: signed.headers,
      timeoutMs,
    });

    // Gateway errors (signature, throttling) come with 4xx and the same Code/Message shape.
    const body = reply.json as AliyunBody | null;
    const ok = reply.status >= 200 && reply.status < 300;
    if (ok && body?.Code === "OK") return { provider: PROVIDER, messageId: body.BizId || null };
    const providerCode = body?.Code || (ok ? "MALFORMED_RESPONSE" : `HTTP_${reply.status}`);
    const rateLimited = RATE_LIMIT_CODES.has(providerCode) || providerCode.startsWith("Throttling");
    throw createProviderError({
      provider: PROVIDER, providerCode, providerMessage: body?.Message, requestId: body?.RequestId, rateLimited,
    });
  }

  return { name: PROVIDER, send };
}
