"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { publicAction, userAction } from "@/lib/actions/validated-action";
import { signIn } from "@/lib/auth/auth";
import { issueLoginTicket } from "@/lib/auth/issue-login-ticket";
import { issuePersonalCertificate } from "@/lib/certificates/issue-personal-certificate";
import { SetPinSchema } from "@/lib/certificates/pin.schema";
import { AppError } from "@/lib/errors";
import { getProject } from "@/lib/projects/get-project";
import { RegisterSchema, SendRegisterCodeSchema } from "@/lib/projects/register.schema";
import { assertNotMember, registerMember } from "@/lib/projects/register-member";
import { SIGNATURE_PNG_LIMITS } from "@/lib/signatures/check-signature-png";
import { saveHandwrittenSignature } from "@/lib/signatures/save-handwritten-signature";
import { sendVerificationCode } from "@/lib/sms";

export const sendRegisterCodeAction = publicAction(SendRegisterCodeSchema, async ({ projectSlug, phone }, { ip }) => {
  const project = await getProject({ slug: projectSlug });
  await assertNotMember({ projectId: project.id, phone });
  return sendVerificationCode({ phone, purpose: "register", ip });
});

export const registerAction = publicAction(RegisterSchema, async (input, { ip }) => {
  const { userId, membershipId } = await registerMember({ ...input, ip });
  await signIn("ticket", { ticket: await issueLoginTicket({ userId }), redirect: false });
  redirect(`/confirm/${membershipId}`);
});

export const setPinAction = userAction(SetPinSchema, async ({ membershipId, pin }, { user, ip }) => {
  return issuePersonalCertificate({ actorId: user.id, membershipId, pin, ip });
});

const SignatureUpload = z.object({ png: z.instanceof(File) });

export const saveSignatureAction = userAction(SignatureUpload, async ({ png }, { user, ip }) => {
  if (png.size > SIGNATURE_PNG_LIMITS.maxBytes) throw new AppError("SIGNATURE_IMAGE_INVALID", "too large");
  const saved = await saveHandwrittenSignature({ userId: user.id, png: new Uint8Array(await png.arrayBuffer()), ip });
  return { id: saved.id };
});
