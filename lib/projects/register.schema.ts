import { z } from "zod";
import { phoneSchema, smsCodeSchema } from "@/lib/validation/phone";
import { realNameSchema } from "@/lib/validation/real-name";

// Shared by the register form (client-side checks) and the server action.
export const RegisterSchema = z.object({
  projectSlug: z.string().regex(/^[a-z0-9-]{1,64}$/),
  roleId: z.string().uuid({ message: "required" }),
  realName: realNameSchema,
  phone: phoneSchema,
  code: smsCodeSchema,
  agreement: z.literal(["on", "true"], { message: "agreement_required" }),
});
export type RegisterInput = z.input<typeof RegisterSchema>;

export const SendRegisterCodeSchema = z.object({
  projectSlug: z.string().regex(/^[a-z0-9-]{1,64}$/),
  phone: phoneSchema,
});
