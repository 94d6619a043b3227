// Runs once when a Next.js server instance starts (Node runtime only): open
// and migrate the database now rather than on the first request, and keep the
// retention of raw identity evidence going. Correctness never waits for this
// timer — the data is also purged when the next instance starts.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getDb } = await import("@/lib/db");
  await getDb();
  const { purgeExpiredEvidence } = await import("@/lib/real-name/purge-expired-evidence");
  const purge = () => purgeExpiredEvidence().catch((e: unknown) => console.warn("[retention] purge failed", e instanceof Error ? e.message : e));
  void purge();
  setInterval(purge, 6 * 3600_000).unref();
}
