import "server-only";
import { getTranslations } from "next-intl/server";
import { isAppError } from "@/lib/errors";

/** Route handlers answer expected failures as translated JSON with the error's status. */
export async function jsonError(e: unknown): Promise<Response> {
  const t = await getTranslations("errors");
  if (isAppError(e)) return Response.json({ ok: false, code: e.code, message: t(e.code, e.params) }, { status: e.status });
  console.error("[route] unexpected failure", e);
  return Response.json({ ok: false, code: "INTERNAL", message: t("INTERNAL") }, { status: 500 });
}
