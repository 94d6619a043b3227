"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { userAction } from "@/lib/actions/validated-action";
import { signOut } from "@/lib/auth/auth";
import { revokeSessions } from "@/lib/auth/revoke-sessions";

export const logoutAction = userAction(z.object({ everywhere: z.enum(["0", "1"]).default("0") }), async ({ everywhere }, { user, ip }) => {
  await revokeSessions({ userId: user.id, sid: user.sid, everywhere: everywhere === "1", ip });
  await signOut({ redirect: false });
  redirect("/login?loggedOut=1");
});
