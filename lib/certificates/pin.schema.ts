import { z } from "zod";

// PIN rules beyond length live in lib/pki (checkPinStrength); the form shows
// the same rules as a hint.
export const SetPinSchema = z
  .object({
    membershipId: z.string().uuid(),
    pin: z.string().min(6, { message: "pin_too_short" }).max(32, { message: "too_long" }),
    pinConfirm: z.string().max(32, { message: "too_long" }),
  })
  .refine((v) => v.pin === v.pinConfirm, { path: ["pinConfirm"], message: "pin_mismatch" });
