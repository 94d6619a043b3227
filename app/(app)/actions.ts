"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { userAction } from "@/lib/actions/validated-action";
import { signOut } from "@/lib/auth/auth";
import { revokeSessions } from "@/lib/auth/revoke-sessions";
import { addEnvelopeSigner } from "@/lib/envelopes/add-envelope-signer";
import { notifyNextSigners } from "@/lib/envelopes/notify-next-signers";
import { removeEnvelopeSigner } from "@/lib/envelopes/remove-envelope-signer";
import { SignEnvelopeSchema } from "@/lib/envelopes/sign.schema";
import { signEnvelope } from "@/lib/envelopes/sign-envelope";
import { claimSharedFile } from "@/lib/share/claim-shared-file";
import { phoneSchema } from "@/lib/validation/phone";
import { realNameSchema } from "@/lib/validation/real-name";

export const logoutAction = userAction(z.object({ everywhere: z.enum(["0", "1"]).default("0") }), async ({ everywhere }, { user, ip }) => {
  await revokeSessions({ userId: user.id, sid: user.sid, everywhere: everywhere === "1", ip });
  await signOut({ redirect: false });
  redirect("/login?loggedOut=1");
});

const AddSignerSchema = z.object({ envelopeId: z.string().uuid(), realName: realNameSchema, phone: phoneSchema });

export const addSignerAction = userAction(AddSignerSchema, async (input, { user, ip }) => {
  await addEnvelopeSigner({ actorId: user.id, ...input, ip });
  revalidatePath(`/sign/${input.envelopeId}`);
  return null;
});

export const removeSignerAction = userAction(z.object({ envelopeId: z.string().uuid(), signerId: z.string().uuid() }), async (input, { user, ip }) => {
  await removeEnvelopeSigner({ actorId: user.id, ...input, ip });
  revalidatePath(`/sign/${input.envelopeId}`);
  return null;
});

export const signEnvelopeAction = userAction(SignEnvelopeSchema, async (input, { user, ip }) => {
  const result = await signEnvelope({ actorId: user.id, ...input, ip });
  await notifyNextSigners({ envelopeId: input.envelopeId, actorId: user.id });
  revalidatePath(`/sign/${input.envelopeId}`);
  revalidatePath("/sign");
  return { revision: result.revision, completed: result.completed };
});

export const claimShareAction = userAction(z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/) }), async ({ token }, { user, ip }) => {
  const r = await claimSharedFile({ actorId: user.id, token, ip });
  return { envelopeId: r.envelopeId };
});
