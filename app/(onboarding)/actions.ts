"use server";

import { redirect } from "next/navigation";
import { publicAction } from "@/lib/actions/validated-action";
import { signIn } from "@/lib/auth/auth";
import { issueLoginTicket } from "@/lib/auth/issue-login-ticket";
import { getProject } from "@/lib/projects/get-project";
import { RegisterSchema, SendRegisterCodeSchema } from "@/lib/projects/register.schema";
import { assertNotMember, registerMember } from "@/lib/projects/register-member";
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
