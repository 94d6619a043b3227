"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions/action-result";

interface Props {
  /** Reads the phone number currently typed in the form. */
  getPhone: () => string;
  send: (phone: string) => Promise<ActionResult<{ resendAfterSeconds: number }>>;
  onResult: (r: ActionResult<{ resendAfterSeconds: number }>, phone: string) => void;
}

/** 获取验证码 with the 60-second countdown the server also enforces. */
export function SendCodeButton({ getPhone, send, onResult }: Props) {
  const t = useTranslations("register");
  const [seconds, setSeconds] = useState(0);
  const [pending, start] = useTransition();

  useEffect(() => {
    if (seconds <= 0) return;
    const id = setTimeout(() => setSeconds((s) => s - 1), 1000);
    return () => clearTimeout(id);
  }, [seconds]);

  return (
    <Button
      type="button"
      variant="secondary"
      size="lg"
      className="w-36 shrink-0"
      disabled={pending || seconds > 0}
      onClick={() =>
        start(async () => {
          const phone = getPhone();
          const r = await send(phone);
          if (r.ok) setSeconds(r.data.resendAfterSeconds);
          else if (r.code === "SMS_RESEND_TOO_SOON" && typeof r.params?.seconds === "number") setSeconds(r.params.seconds);
          onResult(r, phone);
        })
      }
    >
      {seconds > 0 ? t("resendIn", { seconds }) : t("getCode")}
    </Button>
  );
}
