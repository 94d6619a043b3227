"use client";

import { Camera, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { canvasToJpeg } from "./canvas-frame";
import { guideToVideoRect } from "./guide-to-video-rect";

/** ID-1 card: 85.6 × 54 mm. */
const CARD_ASPECT = 85.6 / 54;
/** The guide spans this share of the preview's width, leaving room to hold the card. */
const GUIDE_WIDTH = 0.88;
const MAX_WIDTH = 1600;

/**
 * Full-screen rear-camera capture with a card-shaped frame guide; returns the
 * part of the frame inside the guide as a JPEG. Callers fall back to a file
 * input where getUserMedia is missing (older in-app browsers).
 */
export function CardCamera({ side, onCapture, onCancel }: { side: "front" | "back"; onCapture: (file: File) => void; onCancel: (error?: string) => void }) {
  const t = useTranslations("identity.camera");
  const box = useRef<HTMLDivElement>(null);
  const guide = useRef<HTMLDivElement>(null);
  const video = useRef<HTMLVideoElement>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    let stream: MediaStream | null = null;
    let cancelled = false;
    navigator.mediaDevices
      // resizeMode "none": the camera's own frames, never cropped to the ideal
      // aspect (a phone held upright delivers them portrait, e.g. 1080×1920).
      .getUserMedia({ video: { facingMode: { ideal: "environment" }, width: { ideal: 1920 }, height: { ideal: 1080 }, resizeMode: "none" } as MediaTrackConstraints, audio: false })
      .then(async (s) => {
        stream = s;
        if (cancelled || !video.current) return s.getTracks().forEach((tr) => tr.stop());
        video.current.srcObject = s;
        await video.current.play();
        setReady(true);
      })
      .catch(() => !cancelled && onCancel(t("denied")));
    return () => {
      cancelled = true;
      stream?.getTracks().forEach((tr) => tr.stop());
    };
  }, [onCancel, t]);

  const capture = () => {
    const v = video.current!, b = box.current!.getBoundingClientRect(), g = guide.current!.getBoundingClientRect();
    const r = guideToVideoRect({ width: b.width, height: b.height }, { width: v.videoWidth, height: v.videoHeight }, { x: g.left - b.left, y: g.top - b.top, width: g.width, height: g.height });
    const scale = Math.min(1, MAX_WIDTH / r.width);
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(r.width * scale);
    canvas.height = Math.round(r.height * scale);
    canvas.getContext("2d")!.drawImage(v, r.x, r.y, r.width, r.height, 0, 0, canvas.width, canvas.height);
    void canvasToJpeg(canvas, 0.9).then((blob) => onCapture(new File([blob], `card-${side}.jpg`, { type: "image/jpeg" })));
  };

  return (
    <div className="fixed inset-0 z-50 flex flex-col bg-black" role="dialog" aria-modal="true" aria-label={t(`title.${side}`)} data-testid="card-camera">
      <div ref={box} className="relative flex-1 overflow-hidden">
        <video ref={video} playsInline muted className="absolute inset-0 h-full w-full object-cover" />
        <div className="absolute inset-0 flex items-center justify-center">
          {/* The dark surround is the guide's own huge shadow, so the window stays clear. */}
          <div
            ref={guide}
            className="relative rounded-2xl border-2 border-white shadow-[0_0_0_9999px_rgba(0,0,0,0.55)]"
            style={{ width: `${GUIDE_WIDTH * 100}%`, aspectRatio: `${CARD_ASPECT}` }}
          >
            {side === "front" ? (
              <div className="absolute top-[14%] right-[7%] h-[62%] w-[30%] rounded-lg border-2 border-dashed border-white/70" aria-hidden />
            ) : (
              <div className="absolute top-[10%] left-[6%] h-[28%] w-[18%] rounded-full border-2 border-dashed border-white/70" aria-hidden />
            )}
          </div>
        </div>
        <p className="absolute inset-x-0 bottom-6 px-6 text-center text-sm font-medium text-white drop-shadow">{t(`prompt.${side}`)}</p>
      </div>
      <div className="flex items-center justify-between gap-4 px-6 py-5">
        <Button variant="ghost" className="text-white" onClick={() => onCancel()} aria-label={t("cancel")}>
          <X className="h-5 w-5" aria-hidden />
          {t("cancel")}
        </Button>
        <button
          type="button"
          onClick={capture}
          disabled={!ready}
          aria-label={t("shoot")}
          className="flex h-16 w-16 items-center justify-center rounded-full bg-white ring-4 ring-white/40 disabled:opacity-40"
          data-testid="card-shoot"
        >
          <Camera className="h-7 w-7 text-slate-900" aria-hidden />
        </button>
        <span className="w-20" />
      </div>
    </div>
  );
}
