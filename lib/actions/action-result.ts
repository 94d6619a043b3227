import type { ErrorCode } from "@/lib/errors";

/** What every server action returns: expected failures are values, with translated text. */
export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | { ok: false; code: ErrorCode; message: string; fieldErrors?: Record<string, string>; params?: Record<string, string | number> };

export const initialActionState = null as ActionResult<never> | null;
