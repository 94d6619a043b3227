"use client";

import { useTranslations } from "next-intl";
import { useSyncExternalStore } from "react";
import { Alert } from "@/components/ui/alert";

const subscribe = () => () => {};

/** WeChat's in-app browser cannot install PWAs or handle downloads well: say so. */
export function WeChatHint() {
  const t = useTranslations("install");
  const inWeChat = useSyncExternalStore(subscribe, () => /MicroMessenger/i.test(navigator.userAgent), () => false);
  if (!inWeChat) return null;
  return (
    <div data-testid="wechat-hint">
      <Alert tone="info">{t("wechat")}</Alert>
    </div>
  );
}
