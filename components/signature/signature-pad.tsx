"use client";

import { Eraser, Undo2 } from "lucide-react";
import { useTranslations } from "next-intl";
import SignaturePad from "signature_pad";
import { useCallback, useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions/action-result";
import { trimCanvasToPng } from "./trim-canvas";

interface Props {
  save: (form: FormData) => Promise<ActionResult<{ id: string }>>;
  onSaved?: () => void;
}

/** Draw, undo, clear and save a handwritten signature as a trimmed transparent PNG. */
export function SignaturePadForm({ save, onSaved }: Props) {
  const t = useTranslations("signature");
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const padRef = useRef<SignaturePad | null>(null);
  const [empty, setEmpty] = useState(true);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ActionResult<{ id: string }> | null>(null);

  // Canvas pixels must match CSS size × devicePixelRatio, or strokes blur and
  // land off the finger. Strokes are kept as points and redrawn after a resize
  // (rotating the phone to landscape keeps the drawing).
  const fit = useCallback(() => {
    const canvas = canvasRef.current;
    const pad = padRef.current;
    if (!canvas || !pad) return;
    const data = pad.toData();
    const ratio = Math.max(window.devicePixelRatio || 1, 1);
    canvas.width = canvas.offsetWidth * ratio;
    canvas.height = canvas.offsetHeight * ratio;
    canvas.getContext("2d")!.scale(ratio, ratio);
    pad.clear();
    pad.fromData(data);
  }, []);

  useEffect(() => {
    const canvas = canvasRef.current!;
    const pad = new SignaturePad(canvas, { minWidth: 1.2, maxWidth: 3.6, penColor: "#111827", velocityFilterWeight: 0.6, throttle: 8 });
    padRef.current = pad;
    const onEnd = () => setEmpty(pad.isEmpty());
    pad.addEventListener("endStroke", onEnd);
    fit();
    window.addEventListener("resize", fit);
    return () => {
      window.removeEventListener("resize", fit);
      pad.removeEventListener("endStroke", onEnd);
      pad.off();
    };
  }, [fit]);

  const undo = () => {
    const pad = padRef.current!;
    const data = pad.toData();
    data.pop();
    pad.fromData(data);
    setEmpty(pad.isEmpty());
  };
  const clear = () => {
    padRef.current!.clear();
    setEmpty(true);
  };
  const submit = async () => {
    setBusy(true);
    try {
      const blob = await trimCanvasToPng(canvasRef.current!);
      if (!blob) return;
      const form = new FormData();
      form.set("png", new File([blob], "signature.png", { type: "image/png" }));
      const r = await save(form);
      setResult(r);
      if (r.ok) onSaved?.();
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600">{t("hint")}</p>
      <div className="relative rounded-2xl bg-white ring-1 ring-slate-300">
        <canvas ref={canvasRef} data-testid="signature-canvas" aria-label={t("canvas")} className="block aspect-[5/2] w-full touch-none rounded-2xl landscape:max-h-[70dvh]" />
        <div className="pointer-events-none absolute inset-x-8 bottom-[22%] border-b border-dashed border-slate-300" />
        {empty && <span className="pointer-events-none absolute inset-0 flex items-center justify-center text-2xl text-slate-300">{t("placeholder")}</span>}
      </div>
      <div className="grid grid-cols-3 gap-2">
        <Button type="button" variant="secondary" onClick={undo} disabled={empty || busy}>
          <Undo2 className="h-4 w-4" aria-hidden />
          {t("undo")}
        </Button>
        <Button type="button" variant="secondary" onClick={clear} disabled={empty || busy}>
          <Eraser className="h-4 w-4" aria-hidden />
          {t("clear")}
        </Button>
        <Button type="button" onClick={submit} disabled={empty || busy}>
          {t("save")}
        </Button>
      </div>
      {result && !result.ok && <Alert>{result.message}</Alert>}
      {result?.ok && <Alert tone="success">{t("saved")}</Alert>}
    </div>
  );
}
