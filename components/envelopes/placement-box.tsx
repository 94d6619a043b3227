"use client";

import { X } from "lucide-react";
import type { PointerEvent as ReactPointerEvent } from "react";

export interface BoxPx {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A signature box on a page: drag to move, corner handle to resize, × to remove. */
export function PlacementBox({ box, bounds, onChange, onRemove, imageUrl, label }: { box: BoxPx; bounds: { width: number; height: number }; onChange: (b: BoxPx) => void; onRemove: () => void; imageUrl: string | null; label: string }) {
  const track = (e: ReactPointerEvent, mode: "move" | "resize") => {
    e.stopPropagation();
    e.preventDefault();
    const start = { px: e.clientX, py: e.clientY, ...box };
    const target = e.currentTarget as HTMLElement;
    target.setPointerCapture(e.pointerId);
    const onMove = (ev: PointerEvent) => {
      const dx = ev.clientX - start.px;
      const dy = ev.clientY - start.py;
      if (mode === "move") {
        onChange({ ...box, x: clamp(start.x + dx, 0, bounds.width - box.width), y: clamp(start.y + dy, 0, bounds.height - box.height) });
      } else {
        const width = clamp(start.width + dx, 40, bounds.width - box.x);
        onChange({ ...box, width, height: clamp(start.height + dy, 24, bounds.height - box.y) });
      }
    };
    const onUp = () => {
      target.removeEventListener("pointermove", onMove);
      target.removeEventListener("pointerup", onUp);
      target.removeEventListener("pointercancel", onUp);
    };
    target.addEventListener("pointermove", onMove);
    target.addEventListener("pointerup", onUp);
    target.addEventListener("pointercancel", onUp);
  };
  return (
    <div
      role="group"
      aria-label={label}
      data-testid="placement-box"
      className="absolute touch-none rounded-md border-2 border-dashed border-brand-500 bg-brand-50/40"
      style={{ left: box.x, top: box.y, width: box.width, height: box.height }}
      onPointerDown={(e) => track(e, "move")}
      onClick={(e) => e.stopPropagation()}
    >
      {/* eslint-disable-next-line @next/next/no-img-element -- the user's private signature, not a static asset */}
      {imageUrl && <img src={imageUrl} alt="" draggable={false} className="pointer-events-none h-[70%] w-full object-contain" />}
      <button type="button" aria-label="remove" onPointerDown={(e) => e.stopPropagation()} onClick={onRemove} className="absolute -right-3 -top-3 flex h-6 w-6 items-center justify-center rounded-full bg-white text-slate-600 shadow ring-1 ring-slate-300">
        <X className="h-3.5 w-3.5" />
      </button>
      <span onPointerDown={(e) => track(e, "resize")} className="absolute -bottom-2 -right-2 h-5 w-5 cursor-nwse-resize rounded-full bg-brand-600 ring-2 ring-white" />
    </div>
  );
}

function clamp(v: number, lo: number, hi: number) {
  return Math.max(lo, Math.min(hi, v));
}
