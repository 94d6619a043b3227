import "server-only";
import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import { getCurrentUser } from "@/lib/auth/guards";
import type { SessionUser } from "@/lib/auth/load-session-user";
import { env } from "@/lib/env";
import { AppError, isAppError } from "@/lib/errors";
import { getClientIp } from "@/lib/http/get-client-ip";
import type { ActionResult } from "./action-result";

export interface ActionContext<U> {
  user: U;
  ip: string;
}

type Handler<S extends z.ZodType, T, U> = (input: z.output<S>, ctx: ActionContext<U>) => Promise<T>;

function toInput(raw: unknown): unknown {
  if (raw instanceof FormData) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of raw.entries()) if (!k.startsWith("$ACTION")) out[k] = v;
    return out;
  }
  return raw;
}

// zod issues carry a message key from our catalogue ("phone_invalid") or a
// generic code; either way the user sees translated text, never zod's English.
function issueKey(issue: z.core.$ZodIssue): string {
  if (/^[a-z_]+$/.test(issue.message)) return issue.message;
  if (issue.code === "too_big") return "too_long";
  if (issue.code === "invalid_type") return "required";
  return "invalid";
}

async function run<S extends z.ZodType, T, U>(schema: S, raw: unknown, needUser: boolean, handler: Handler<S, T, U>): Promise<ActionResult<T>> {
  const tErr = await getTranslations("errors");
  try {
    const user = await getCurrentUser();
    if (needUser && !user) throw new AppError("UNAUTHENTICATED");
    const parsed = schema.safeParse(toInput(raw));
    if (!parsed.success) {
      const tVal = await getTranslations("validation");
      const fieldErrors: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? "_");
        fieldErrors[field] ??= tVal.has(issueKey(issue)) ? tVal(issueKey(issue)) : tVal("invalid");
      }
      return { ok: false, code: "INVALID_INPUT", message: tErr("INVALID_INPUT"), fieldErrors };
    }
    const ip = getClientIp(await headers(), env().TRUSTED_PROXY_HOPS);
    const data = await handler(parsed.data, { user: user as U, ip });
    return { ok: true, data };
  } catch (e) {
    unstable_rethrow(e); // redirect() and notFound() are control flow, not failures
    if (isAppError(e)) {
      const params = { ...e.params };
      if (e.code === "STEP_NOT_REACHED" && typeof params.step === "string") {
        params.step = (await getTranslations("steps"))(params.step as "paid");
      }
      return { ok: false, code: e.code, message: tErr(e.code, params), fieldErrors: e.fieldErrors, params: e.params };
    }
    console.error("[action] unexpected failure", e);
    return { ok: false, code: "INTERNAL", message: tErr("INTERNAL") };
  }
}

/** A server action for signed-in users: (prevState, formData|object) → ActionResult. */
export function userAction<S extends z.ZodType, T>(schema: S, handler: Handler<S, T, SessionUser>) {
  return async (_prev: unknown, raw: unknown): Promise<ActionResult<T>> => run(schema, raw, true, handler);
}

/** A server action anyone may call (login, register, send code). */
export function publicAction<S extends z.ZodType, T>(schema: S, handler: Handler<S, T, SessionUser | null>) {
  return async (_prev: unknown, raw: unknown): Promise<ActionResult<T>> => run(schema, raw, false, handler);
}
