import "server-only";
import { redirect } from "next/navigation";
import { AppError } from "@/lib/errors";
import { auth } from "./auth";
import type { SessionUser } from "./load-session-user";

export async function getCurrentUser(): Promise<SessionUser | null> {
  const session = await auth();
  const u = session?.user;
  return u?.id && u.sid ? { id: u.id, sid: u.sid, phone: u.phone, realName: u.realName, isAdmin: u.isAdmin } : null;
}

/** For pages: sends anonymous visitors to log in and brings them back afterwards. */
export async function requireUser(returnTo: string): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}

/** For actions and route handlers: no redirect, an error the caller maps. */
export async function assertUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) throw new AppError("UNAUTHENTICATED");
  return user;
}

export async function requireAdmin(returnTo: string): Promise<SessionUser> {
  const user = await requireUser(returnTo);
  if (!user.isAdmin) redirect("/");
  return user;
}

export { safeCallbackUrl } from "./safe-callback-url";
