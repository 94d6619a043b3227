"use client";

import { Minus, Plus } from "lucide-react";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";
import { Document, Page, pdfjs, Thumbnail } from "react-pdf";
import { Button } from "@/components/ui/button";
import type { Placement } from "@/lib/envelopes/sign.schema";
import { PlacementBox, type BoxPx } from "./placement-box";

pdfjs.GlobalWorkerOptions.workerSrc = "/pdf.worker.min.mjs";

interface PageSize {
  width: number; // points, as displayed (CropBox after /Rotate)
  height: number;
}

/** Renders its page only when near the viewport: 100+ page files stay light. */
function LazyPage({ index, width, size, children, onTap, registerRef }: { index: number; width: number; size?: PageSize; children?: React.ReactNode; onTap: (x: number, y: number) => void; registerRef: (el: HTMLDivElement | null) => void }) {
  const ref = useRef<HTMLDivElement | null>(null);
  const [visible, setVisible] = useState(index < 2);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const io = new IntersectionObserver(([entry]) => setVisible(entry!.isIntersecting), { rootMargin: "800px 0px" });
    io.observe(el);
    return () => io.disconnect();
  }, []);
  const height = size ? (width * size.height) / size.width : width * 1.414;
  return (
    <div
      ref={(el) => {
        ref.current = el;
        registerRef(el);
      }}
      data-page={index + 1}
      className="relative mx-auto bg-white shadow ring-1 ring-slate-200"
      style={{ width, height }}
      onClick={(e) => {
        const r = e.currentTarget.getBoundingClientRect();
        onTap(e.clientX - r.left, e.clientY - r.top);
      }}
    >
      {visible && <Page pageIndex={index} width={width} renderTextLayer={false} renderAnnotationLayer={false} />}
      {children}
    </div>
  );
}

/**
 * Preview and placement (steps 1-2 of signing): tap a page to place the
 * signature, drag and resize it, place more than one if needed. Reports
 * placements in PDF points of the displayed page, which is what lib/pdf takes.
 */
export function PdfPlacer({ fileUrl, signatureUrl, canPlace, onChange }: { fileUrl: string; signatureUrl: string | null; canPlace: boolean; onChange: (p: Placement[]) => void }) {
  const t = useTranslations("sign");
  const container = useRef<HTMLDivElement>(null);
  const pageRefs = useRef<(HTMLDivElement | null)[]>([]);
  const [baseWidth, setBaseWidth] = useState(360);
  const [zoom, setZoom] = useState(1);
  const [sizes, setSizes] = useState<PageSize[]>([]);
  const [boxes, setBoxes] = useState<{ page: number; box: BoxPx }[]>([]);
  const width = Math.round(baseWidth * zoom);

  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setBaseWidth(Math.min(el.clientWidth - 28, 900)));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // Boxes live in CSS pixels of the current zoom; the server gets points.
  const report = useCallback(
    (next: { page: number; box: BoxPx }[]) => {
      setBoxes(next);
      onChange(
        next.map(({ page, box }) => {
          const s = sizes[page - 1]!;
          const k = s.width / width;
          return { page, x: box.x * k, y: box.y * k, width: box.width * k, height: box.height * k };
        }),
      );
    },
    [onChange, sizes, width],
  );

  const tap = (page: number, x: number, y: number) => {
    if (!canPlace) return;
    const s = sizes[page - 1];
    if (!s) return;
    const k = width / s.width; // px per point
    const w = 140 * k;
    const h = 70 * k;
    const pageH = (width * s.height) / s.width;
    const box = { x: Math.max(0, Math.min(x - w / 2, width - w)), y: Math.max(0, Math.min(y - h / 2, pageH - h)), width: w, height: h };
    report([...boxes, { page, box }]);
  };

  const rescale = (z: number) => {
    const f = z / zoom;
    setZoom(z);
    report(boxes.map(({ page, box }) => ({ page, box: { x: box.x * f, y: box.y * f, width: box.width * f, height: box.height * f } })));
  };

  return (
    <div className="space-y-2">
      <div className="flex items-center justify-between gap-2">
        <p className="text-sm text-slate-600">{canPlace ? t("tapToPlace") : t("preview")}</p>
        <div className="flex items-center gap-1">
          <Button type="button" variant="secondary" size="sm" aria-label={t("zoomOut")} onClick={() => rescale(Math.max(0.5, zoom - 0.25))}>
            <Minus className="h-4 w-4" />
          </Button>
          <span className="w-12 text-center text-xs text-slate-500">{Math.round(zoom * 100)}%</span>
          <Button type="button" variant="secondary" size="sm" aria-label={t("zoomIn")} onClick={() => rescale(Math.min(3, zoom + 0.25))}>
            <Plus className="h-4 w-4" />
          </Button>
        </div>
      </div>
      <Document
        file={fileUrl}
        loading={<p className="py-10 text-center text-sm text-slate-500">{t("loadingPdf")}</p>}
        error={<p className="py-10 text-center text-sm text-red-600">{t("pdfError")}</p>}
        onLoadSuccess={async (doc) => {
          const all: PageSize[] = [];
          for (let i = 1; i <= doc.numPages; i++) {
            const vp = (await doc.getPage(i)).getViewport({ scale: 1 });
            all.push({ width: vp.width, height: vp.height });
          }
          setSizes(all);
        }}
      >
        {sizes.length > 1 && (
          <div className="flex gap-2 overflow-x-auto pb-2" aria-label={t("pages")}>
            {sizes.map((_, i) => (
              <button key={i} type="button" className="shrink-0 rounded ring-1 ring-slate-200" onClick={() => pageRefs.current[i]?.scrollIntoView({ behavior: "smooth", block: "start" })}>
                {i < 30 ? <Thumbnail pageIndex={i} width={48} /> : <span className="flex h-16 w-12 items-center justify-center text-xs text-slate-500">{i + 1}</span>}
              </button>
            ))}
          </div>
        )}
        <div ref={container} className="max-h-[70dvh] space-y-3 overflow-auto rounded-xl bg-slate-100 p-2" data-testid="pdf-pages">
          {sizes.map((s, i) => (
            <LazyPage key={i} index={i} width={width} size={s} onTap={(x, y) => tap(i + 1, x, y)} registerRef={(el) => (pageRefs.current[i] = el)}>
              {boxes.map((b, j) =>
                b.page === i + 1 ? (
                  <PlacementBox
                    key={j}
                    box={b.box}
                    label={t("placement", { n: j + 1 })}
                    bounds={{ width, height: (width * s.height) / s.width }}
                    imageUrl={signatureUrl}
                    onChange={(box) => report(boxes.map((o, k) => (k === j ? { ...o, box } : o)))}
                    onRemove={() => report(boxes.filter((_, k) => k !== j))}
                  />
                ) : null,
              )}
            </LazyPage>
          ))}
        </div>
      </Document>
    </div>
  );
}
