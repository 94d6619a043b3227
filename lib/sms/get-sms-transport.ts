import "server-only";
import { env, isProduction } from "@/lib/env";
import { createOutboxTransport } from "./outbox-transport";
import type { SmsTransport } from "./transports/types";

let override: SmsTransport | undefined;

/** Tests swap in a transport that talks to a local provider simulator. */
export function setSmsTransportForTests(t: SmsTransport | undefined): void {
  override = t;
}

export async function getSmsTransport(): Promise<SmsTransport> {
  if (override) return override;
  const provider = env().SMS_PROVIDER ?? (isProduction() ? undefined : "outbox");
  switch (provider) {
    case "outbox":
      return createOutboxTransport();
    case "tencent":
    case "aliyun": {
      const { createProviderTransport } = await import("./create-provider-transport");
      return createProviderTransport(provider);
    }
    default:
      throw new Error("SMS_PROVIDER must be set in production (tencent | aliyun | outbox)");
  }
}
