"use client";

import { Camera, CheckCircle2, ImageUp, Loader2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState, type ChangeEvent } from "react";
import { Button } from "@/components/ui/button";
import { CardCamera } from "./card-camera";
import { checkCardPhoto } from "./check-card-photo";
import { compressImage } from "./compress-image";

/**
 * One side of the ID card: shot through the framed camera (or the system
 * camera where getUserMedia is missing) or picked from the album / disk;
 * checked and compressed here, handed to the parent when it passes.
 */
export function CardSlot({ side, onChange, onBusy, serverError }: { side: "front" | "back"; onChange: (file: File | null) => void; onBusy: (busy: boolean) => void; serverError?: string }) {
  const t = useTranslations("identity");
  const [preview, setPreview] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const [camera, setCamera] = useState(false);
  // Only changes what a tap does, never the markup, so server and client may differ.
  const [canStream, setCanStream] = useState(() => typeof navigator !== "undefined" && Boolean(navigator.mediaDevices?.getUserMedia));
  const systemCamera = useRef<HTMLInputElement>(null);
  const album = useRef<HTMLInputElement>(null);

  useEffect(() => () => void (preview && URL.revokeObjectURL(preview)), [preview]);

  const accept = useCallback(
    async (file: File) => {
      setCamera(false);
      setChecking(true);
      onBusy(true);
      setProblem(null);
      onChange(null);
      try {
        // Compressed first, then checked: the big photo is decoded once, and the
        // checks judge exactly what the server will read.
        const small = await compressImage(file).catch(() => file);
        const found = await checkCardPhoto(small, side).catch(() => null);
        if (found) return setProblem(t(`photo.${found}`));
        setPreview(URL.createObjectURL(small));
        onChange(small);
      } finally {
        setChecking(false);
        onBusy(false);
      }
    },
    [onBusy, onChange, side, t],
  );
  const closeCamera = useCallback((error?: string) => {
    setCamera(false);
    // Camera refused or absent: the next tap opens the system camera through a file input.
    if (error) {
      setProblem(error);
      setCanStream(false);
    }
  }, []);
  const error = problem ?? serverError;
  const fileInput = (label: string) => ({
    type: "file",
    accept: "image/*",
    className: "sr-only",
    tabIndex: -1,
    // Opened by the buttons above; hidden from assistive tech so each action is announced once.
    "aria-hidden": true,
    "aria-label": label,
    onChange: (e: ChangeEvent<HTMLInputElement>) => {
      const f = e.currentTarget.files?.[0];
      e.currentTarget.value = "";
      if (f) void accept(f);
    },
  });

  return (
    <div className="space-y-2" data-testid={`card-slot-${side}`}>
      <div className="text-sm font-medium text-slate-700">{t(side)}</div>
      <div className={`flex aspect-[85.6/54] items-center justify-center overflow-hidden rounded-2xl bg-slate-100 ring-1 ${error ? "ring-red-300" : "ring-slate-200"}`}>
        {checking ? (
          <Loader2 className="h-6 w-6 animate-spin text-slate-400" aria-label={t("photo.checking")} />
        ) : preview ? (
          // eslint-disable-next-line @next/next/no-img-element -- a local blob preview
          <img src={preview} alt={t(side)} className="h-full w-full object-cover" />
        ) : (
          <span className="px-6 text-center text-xs text-slate-500">{t(`${side}Hint`)}</span>
        )}
      </div>
      {preview && !error && !checking && (
        <p className="flex items-center gap-1 text-xs text-emerald-700">
          <CheckCircle2 className="h-4 w-4" aria-hidden />
          {t("photo.ok")}
        </p>
      )}
      {error && (
        <p role="alert" className="text-sm text-red-600" id={`${side}-error`}>
          {error}
        </p>
      )}
      <div className="grid grid-cols-2 gap-2">
        <Button type="button" variant="secondary" onClick={() => (canStream ? setCamera(true) : systemCamera.current?.click())} disabled={checking}>
          <Camera className="h-4 w-4" aria-hidden />
          {preview ? t("reshoot") : t("shoot")}
        </Button>
        <Button type="button" variant="ghost" onClick={() => album.current?.click()} disabled={checking}>
          <ImageUp className="h-4 w-4" aria-hidden />
          {t("pick")}
        </Button>
      </div>
      <input ref={systemCamera} {...fileInput(t("shoot"))} capture="environment" />
      <input ref={album} {...fileInput(t("pick"))} data-testid={`card-file-${side}`} />
      {camera && <CardCamera side={side} onCapture={(f) => void accept(f)} onCancel={closeCamera} />}
    </div>
  );
}
