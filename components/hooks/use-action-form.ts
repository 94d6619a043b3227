"use client";

import { startTransition, useActionState, type FormEvent } from "react";
import type { ActionResult } from "@/lib/actions/action-result";

type Action<T> = (prev: unknown, raw: unknown) => Promise<ActionResult<T>>;

/**
 * Like `<form action>`, but React 19 would reset every field after the action
 * — also when it failed. Submitting through onSubmit keeps what the user typed.
 */
export function useActionForm<T>(action: Action<T>) {
  const [state, dispatch, pending] = useActionState(action, null);
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    startTransition(() => dispatch(data));
  };
  return { state, onSubmit, pending };
}
