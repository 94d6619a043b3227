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
import { confirmIdCard } from "@/lib/real-name/confirm-id-card";
import { issueLivenessChallenge } from "@/lib/real-name/issue-liveness-challenge";
import { submitIdCard } from "@/lib/real-name/submit-id-card";
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

const IdCardUpload = z.object({
  membershipId: z.string().uuid(),
  front: z.instanceof(File),
  back: z.instanceof(File),
});

export const submitIdCardAction = userAction(IdCardUpload, async ({ membershipId, front, back }, { user, ip }) => {
  const bytes = async (f: File) => (f.size > 0 ? new Uint8Array(await f.arrayBuffer()) : undefined);
  const [frontBytes, backBytes] = [await bytes(front), await bytes(back)];
  if (!frontBytes || !backBytes) throw new AppError("ID_IMAGE_INVALID", "a side is missing");
  return submitIdCard({ actorId: user.id, membershipId, front: frontBytes, back: backBytes, ip });
});

const ConfirmCard = z.object({
  membershipId: z.string().uuid(),
  validity: z.string().trim().min(8, { message: "required" }).max(40, { message: "too_long" }),
});

export const confirmIdCardAction = userAction(ConfirmCard, async ({ membershipId, validity }, { user, ip }) => {
  await confirmIdCard({ actorId: user.id, membershipId, validity, ip });
  return null;
});

export const issueChallengeAction = userAction(z.object({ membershipId: z.string().uuid() }), async ({ membershipId }, { user }) => {
  return issueLivenessChallenge({ actorId: user.id, membershipId });
});
