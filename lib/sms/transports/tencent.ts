import { createProviderError } from "./create-provider-error";
import { postProviderRequest } from "./post-provider-request";
import { signTc3Request } from "./sign-tc3";
import type { SmsMessage, SmsPurpose, SmsSendResult, SmsTransport } from "./types";

// Tencent Cloud SMS, SendSms API version 2021-01-11.

export interface TencentSmsTransportOptions {
  secretId: string;
  secretKey: string;
  /** SDK AppID of the SMS application, e.g. "1400xxxxxx". */
  sdkAppId: string;
  /** Approved sign text without 【】. */
  signName: string;
  /** Approved template id per purpose; parameters are passed in template order. */
  templateIds: Record<SmsPurpose, string>;
  /** e.g. "ap-guangzhou". */
  region: string;
  /** Must be an origin root: the signature covers the path "/". */
  endpoint?: string;
  fetch?: typeof globalThis.fetch;
  now?: () => number;
  timeoutMs?: number;
}

interface TencentSendStatus { Code?: string; Message?: string; SerialNo?: string }
interface TencentBody {
  Response?: { Error?: { Code?: string; Message?: string }; SendStatusSet?: TencentSendStatus[]; RequestId?: string };
}

const PROVIDER = "tencent";

export function createTencentSmsTransport(opts: TencentSmsTransportOptions): SmsTransport {
  const endpoint = opts.endpoint ?? "https://sms.tencentcloudapi.com/";
  const host = new URL(endpoint).host;
  const fetchImpl = opts.fetch ?? globalThis.fetch;
  const now = opts.now ?? (() => Date.now());
  const timeoutMs = opts.timeoutMs ?? 10_000;

  async function send(msg: SmsMessage): Promise<SmsSendResult> {
    const payload = JSON.stringify({
      // Tencent wants E.164; mainland-only numbers reach here already validated.
      PhoneNumberSet: [`+86${msg.phone}`],
      SmsSdkAppId: opts.sdkAppId,
      SignName: opts.signName,
      TemplateId: opts.templateIds[msg.purpose],
      TemplateParamSet: msg.templateParams.map(String),
    });
    const signed = signTc3Request({
      secretId: opts.secretId,
      secretKey: opts.secretKey,
      service: "sms",
      host,
      action: "SendSms",
      timestamp: Math.floor(now() / 1000),
      payload,
    });
    const reply = await postProviderRequest({
      provider: PROVIDER,
      fetch: fetchImpl,
      url: endpoint,
      headers: { ...signed.headers, "X-TC-Version": "2021-01-11", "X-TC-Region": opts.region },
      body: payload,
      timeoutMs,
    });

    const response = (reply.json as TencentBody | null)?.Response;
    const requestId = response?.RequestId;
    // Whole-request failures (signature errors included) arrive as HTTP 200 with Response.Error.
    if (response?.Error?.Code) throw toError(response.Error.Code, response.Error.Message, requestId);
    if (reply.status < 200 || reply.status >= 300) throw toError(`HTTP_${reply.status}`, undefined, requestId);

    const status = response?.SendStatusSet?.[0];
    if (!status?.Code) throw toError("MALFORMED_RESPONSE", undefined, requestId);
    // Per-number failures ride on a "successful" request; only the exact "Ok" means sent.
    if (status.Code !== "Ok") throw toError(status.Code, status.Message, requestId);
    return { provider: PROVIDER, messageId: status.SerialNo || null };
  }

  return { name: PROVIDER, send };
}

function toError(providerCode: string, providerMessage: string | undefined, requestId: string | undefined) {
  // LimitExceeded.* are per-number/app frequency caps; RequestLimitExceeded is the API QPS throttle.
  const rateLimited = providerCode.startsWith("LimitExceeded.") || providerCode === "RequestLimitExceeded";
  return createProviderError({ provider: PROVIDER, providerCode, providerMessage, requestId, rateLimited });
}
