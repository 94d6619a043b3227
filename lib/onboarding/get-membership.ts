import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { memberships, projectRoles, projects, users } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A membership with its project and role — only its own user may load it. */
export async function getMembership({ membershipId, actorId }: { membershipId: string; actorId: string }) {
  if (!UUID.test(membershipId)) throw new AppError("NOT_FOUND");
  const db = await getDb();
  const [row] = await db
    .select({ membership: memberships, project: projects, role: projectRoles, user: { id: users.id, phone: users.phone, realName: users.realName } })
    .from(memberships)
    .innerJoin(projects, eq(projects.id, memberships.projectId))
    .innerJoin(projectRoles, eq(projectRoles.id, memberships.roleId))
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.id, membershipId), eq(memberships.userId, actorId)));
  // Someone else's membership looks exactly like a missing one: no probing ids.
  if (!row) throw new AppError("NOT_FOUND");
  return row;
}

export async function listMemberships({ userId }: { userId: string }) {
  const db = await getDb();
  return db
    .select({ membership: memberships, project: projects, role: projectRoles })
    .from(memberships)
    .innerJoin(projects, eq(projects.id, memberships.projectId))
    .innerJoin(projectRoles, eq(projectRoles.id, memberships.roleId))
    .where(eq(memberships.userId, userId));
}
