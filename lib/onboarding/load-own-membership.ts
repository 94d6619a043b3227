import "server-only";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/guards";
import { isAppError } from "@/lib/errors";
import { getMembership } from "./get-membership";

/** For pages: the signed-in user's membership, or a 404 (also for other people's ids). */
export async function loadOwnMembership(membershipId: string, returnTo: string) {
  const user = await requireUser(returnTo);
  try {
    return { sessionUser: user, ...(await getMembership({ membershipId, actorId: user.id })) };
  } catch (e) {
    if (isAppError(e)) notFound();
    throw e;
  }
}
