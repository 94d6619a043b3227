import "server-only";
import { and, eq } from "drizzle-orm";
import { appendAuditEntry } from "@/lib/audit";
import { getDb } from "@/lib/db";
import { memberships, projectRoles, users } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { verifyVerificationCode } from "@/lib/sms";
import { getProject } from "./get-project";

export interface RegisterMemberOptions {
  projectSlug: string;
  roleId: string;
  realName: string;
  phone: string;
  code: string;
  ip: string;
}

/** Throws ALREADY_REGISTERED when the phone already belongs to a member of the project. */
export async function assertNotMember({ projectId, phone }: { projectId: string; phone: string }): Promise<void> {
  const db = await getDb();
  const [existing] = await db
    .select({ roleName: projectRoles.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(projectRoles, eq(projectRoles.id, memberships.roleId))
    .where(and(eq(users.phone, phone), eq(memberships.projectId, projectId)));
  if (existing) throw new AppError("ALREADY_REGISTERED", "already a member", { params: { role: existing.roleName } });
}

/**
 * Everything that can be refused is checked before the SMS code is consumed,
 * so a forged role or a duplicate registration changes nothing.
 */
export async function registerMember(opts: RegisterMemberOptions): Promise<{ userId: string; membershipId: string }> {
  const project = await getProject({ slug: opts.projectSlug });
  const role = project.roles.find((r) => r.id === opts.roleId);
  if (!role) throw new AppError("ROLE_NOT_FOUND");
  await assertNotMember({ projectId: project.id, phone: opts.phone });

  const db = await getDb();
  const [account] = await db.select().from(users).where(eq(users.phone, opts.phone));
  if (account?.realName && account.realName !== opts.realName) {
    throw new AppError("REAL_NAME_MISMATCH", "account has another name");
  }

  await verifyVerificationCode({ phone: opts.phone, purpose: "register", code: opts.code });

  try {
    return await db.transaction(async (tx) => {
      const [user] = await tx
        .insert(users)
        .values({ phone: opts.phone, realName: opts.realName })
        .onConflictDoUpdate({ target: users.phone, set: { realName: opts.realName } })
        .returning({ id: users.id });
      const [membership] = await tx
        .insert(memberships)
        .values({ userId: user!.id, projectId: project.id, roleId: role.id, agreementAcceptedAt: new Date() })
        .returning({ id: memberships.id });
      await appendAuditEntry({
        db: tx,
        actorId: user!.id,
        action: "membership.registered",
        subjectType: "membership",
        subjectId: membership!.id,
        ip: opts.ip,
        data: { project: project.slug, role: role.key },
      });
      return { userId: user!.id, membershipId: membership!.id };
    });
  } catch (e) {
    // Two registrations racing: the unique index lets one through.
    if (String((e as { code?: string })?.code ?? (e as { cause?: { code?: string } })?.cause?.code) === "23505") {
      throw new AppError("ALREADY_REGISTERED", "already a member", { params: { role: role.name } });
    }
    throw e;
  }
}
