import "server-only";
import { z } from "zod";
import { createAliyunSmsTransport } from "./transports/aliyun";
import { createTencentSmsTransport } from "./transports/tencent";
import type { SmsTransport } from "./transports/types";

const Templates = z.object({
  login: z.string().min(1),
  register: z.string().min(1),
  confirm: z.string().min(1),
  renew: z.string().min(1),
  unlock: z.string().min(1),
  notify: z.string().min(1),
});
const json = z.string().transform((s, ctx) => {
  try {
    return JSON.parse(s) as unknown;
  } catch {
    ctx.addIssue({ code: "custom", message: "not JSON" });
    return z.NEVER;
  }
});

const TencentEnv = z.object({
  TENCENTCLOUD_SECRET_ID: z.string().min(1),
  TENCENTCLOUD_SECRET_KEY: z.string().min(1),
  TENCENT_SMS_SDK_APP_ID: z.string().min(1),
  TENCENT_SMS_SIGN_NAME: z.string().min(1),
  TENCENT_SMS_REGION: z.string().default("ap-guangzhou"),
  TENCENT_SMS_TEMPLATE_IDS: json.pipe(Templates),
  TENCENT_SMS_ENDPOINT: z.string().url().optional(),
});

const AliyunEnv = z.object({
  ALIBABA_CLOUD_ACCESS_KEY_ID: z.string().min(1),
  ALIBABA_CLOUD_ACCESS_KEY_SECRET: z.string().min(1),
  ALIYUN_SMS_SIGN_NAME: z.string().min(1),
  ALIYUN_SMS_TEMPLATE_CODES: json.pipe(Templates),
  ALIYUN_SMS_ENDPOINT: z.string().url().optional(),
});

function parse<T extends z.ZodType>(schema: T, provider: string): z.output<T> {
  const r = schema.safeParse(process.env);
  if (!r.success) throw new Error(`SMS_PROVIDER=${provider} needs: ${r.error.issues.map((i) => i.path.join(".")).join(", ")}`);
  return r.data;
}

/** Builds the configured real provider from the environment (names in README). */
export function createProviderTransport(provider: "tencent" | "aliyun"): SmsTransport {
  if (provider === "tencent") {
    const e = parse(TencentEnv, provider);
    return createTencentSmsTransport({
      secretId: e.TENCENTCLOUD_SECRET_ID,
      secretKey: e.TENCENTCLOUD_SECRET_KEY,
      sdkAppId: e.TENCENT_SMS_SDK_APP_ID,
      signName: e.TENCENT_SMS_SIGN_NAME,
      region: e.TENCENT_SMS_REGION,
      templateIds: e.TENCENT_SMS_TEMPLATE_IDS,
      endpoint: e.TENCENT_SMS_ENDPOINT,
    });
  }
  const e = parse(AliyunEnv, provider);
  return createAliyunSmsTransport({
    accessKeyId: e.ALIBABA_CLOUD_ACCESS_KEY_ID,
    accessKeySecret: e.ALIBABA_CLOUD_ACCESS_KEY_SECRET,
    signName: e.ALIYUN_SMS_SIGN_NAME,
    templateCodes: e.ALIYUN_SMS_TEMPLATE_CODES,
    endpoint: e.ALIYUN_SMS_ENDPOINT,
  });
}
