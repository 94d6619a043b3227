import { z } from "zod";
import { phoneSchema, smsCodeSchema } from "@/lib/validation/phone";

export const LoginSchema = z.object({
  phone: phoneSchema,
  code: smsCodeSchema,
  callbackUrl: z.string().max(500).optional(),
});

export const SendLoginCodeSchema = z.object({ phone: phoneSchema });
