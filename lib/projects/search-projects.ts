import "server-only";
import { and, asc, eq, ilike, or, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { projects, type Project } from "@/lib/db/schema";

export const SearchQuerySchema = z.string().trim().max(50, { message: "too_long" });

function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Matches name, organisation or any keyword (中大, SYSU…), case-insensitively. */
export async function searchProjects({ query, limit = 20 }: { query: string; limit?: number }): Promise<Project[]> {
  const q = SearchQuerySchema.parse(query);
  if (!q) return [];
  const db = await getDb();
  const pattern = likePattern(q);
  return db
    .select()
    .from(projects)
    .where(
      and(
        eq(projects.active, true),
        or(
          ilike(projects.name, pattern),
          ilike(projects.organisation, pattern),
          sql`exists (select 1 from unnest(${projects.keywords}) as k where k ilike ${pattern})`,
        ),
      ),
    )
    .orderBy(asc(projects.name))
    .limit(limit);
}
