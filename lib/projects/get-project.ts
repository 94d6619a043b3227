import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { projectRoles, projects, type Project, type ProjectRole } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";

const SLUG = /^[a-z0-9-]{1,64}$/;

/** An active project with its active roles, or PROJECT_NOT_FOUND. */
export async function getProject({ slug }: { slug: string }): Promise<Project & { roles: ProjectRole[] }> {
  if (!SLUG.test(slug)) throw new AppError("PROJECT_NOT_FOUND");
  const db = await getDb();
  const [project] = await db.select().from(projects).where(and(eq(projects.slug, slug), eq(projects.active, true)));
  if (!project) throw new AppError("PROJECT_NOT_FOUND");
  const roles = await db
    .select()
    .from(projectRoles)
    .where(and(eq(projectRoles.projectId, project.id), eq(projectRoles.active, true)))
    .orderBy(asc(projectRoles.sortOrder));
  return { ...project, roles };
}
