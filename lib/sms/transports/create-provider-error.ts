import { AppError } from "@/lib/errors";

// One place that turns a provider's error code into the app's error codes, so
// both transports report failures the same way. Provider rate limits become
// RATE_LIMITED (a 429 the user can act on by waiting), everything else
// SMS_PROVIDER_FAILED (a 502 for us to look at).

export interface CreateProviderErrorOptions {
  provider: string;
  /** The provider's code, or our own (TIMEOUT, HTTP_503, MALFORMED_RESPONSE). */
  providerCode: string;
  rateLimited: boolean;
  /** Provider's human message (often Chinese); kept as the cause for logs, not in the detail. */
  providerMessage?: string;
  requestId?: string;
}

export function createProviderError(opts: CreateProviderErrorOptions): AppError {
  // Codes come from a remote body: bound them before they reach logs and params.
  const providerCode = opts.providerCode.slice(0, 100);
  const requestId = opts.requestId ? ` (request ${opts.requestId.slice(0, 100)})` : "";
  const detail = `${opts.provider} SendSms ${opts.rateLimited ? "rate-limited" : "failed"}: ${providerCode}${requestId}`;
  const cause = opts.providerMessage ? new Error(opts.providerMessage.slice(0, 500)) : undefined;
  return new AppError(opts.rateLimited ? "RATE_LIMITED" : "SMS_PROVIDER_FAILED", detail, {
    params: { providerCode },
    cause,
  });
}
