import { AppError } from "@/lib/errors";

// Shared by the real transports: one POST with a hard deadline, returning the
// status and the parsed body so each provider can read its own error shape.
// Transport-level failures become SMS_PROVIDER_FAILED here so the OTP flow
// never sees a raw fetch error (whose message may contain the URL).

export interface PostProviderRequestOptions {
  /** Provider name for error details, e.g. "tencent". */
  provider: string;
  fetch: typeof globalThis.fetch;
  url: string;
  headers: Record<string, string>;
  body?: string;
  /** Covers connect, response headers and body; an OTP the user waits for minutes on is useless. */
  timeoutMs: number;
}

export interface ProviderReply {
  status: number;
  /** Parsed JSON, or null when the body is not JSON (e.g. a gateway's HTML error page). */
  json: unknown;
}

export async function postProviderRequest(opts: PostProviderRequestOptions): Promise<ProviderReply> {
  let status: number;
  let text: string;
  try {
    const res = await opts.fetch(opts.url, {
      method: "POST",
      headers: opts.headers,
      body: opts.body,
      signal: AbortSignal.timeout(opts.timeoutMs),
    });
    status = res.status;
    text = await res.text();
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
    const providerCode = timedOut ? "TIMEOUT" : "NETWORK";
    const detail = timedOut
      ? `${opts.provider} SendSms timed out after ${opts.timeoutMs} ms`
      : `${opts.provider} SendSms request failed before a response arrived`;
    throw new AppError("SMS_PROVIDER_FAILED", detail, { params: { providerCode }, cause: error });
  }

  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    // Not JSON: the caller falls back to the HTTP status.
  }
  return { status, json };
}
