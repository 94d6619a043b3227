import { pdfError } from "../pdf-error";
import type { Box } from "../read/find-page";
import type { VisibleRect } from "../types";

/**
 * Converts a rectangle given in what the user sees (top-left origin, y down,
 * after CropBox and /Rotate) into the page's default user space, and returns
 * the /Matrix that turns the appearance upright again on a rotated page.
 */
export function mapVisibleRect(rect: VisibleRect, cropBox: Box, rotate: 0 | 90 | 180 | 270): {
  rect: Box;
  matrix: [number, number, number, number, number, number];
  visibleSize: { width: number; height: number };
} {
  const [x1, y1, x2, y2] = cropBox;
  const cw = x2 - x1;
  const ch = y2 - y1;
  const vw = rotate % 180 === 0 ? cw : ch;
  const vh = rotate % 180 === 0 ? ch : cw;
  const { x, y, width, height } = rect;
  const eps = 0.01;
  if (![x, y, width, height].every(Number.isFinite) || width <= 0 || height <= 0 || x < -eps || y < -eps || x + width > vw + eps || y + height > vh + eps) {
    throw pdfError("PDF_RECT_OUT_OF_PAGE", `the signature rectangle is outside the visible page (${round(vw)} × ${round(vh)} pt)`, {
      width: round(vw),
      height: round(vh),
    });
  }
  // (u, v): visible coordinates, top-left origin. Derived from how a viewer
  // turns the page clockwise by /Rotate degrees before showing it.
  const toUser = (u: number, v: number): [number, number] => {
    switch (rotate) {
      case 0: return [x1 + u, y2 - v];
      case 90: return [x1 + v, y1 + u];
      case 180: return [x2 - u, y1 + v];
      case 270: return [x2 - v, y2 - u];
    }
  };
  const [ax, ay] = toUser(x, y);
  const [bx, by] = toUser(x + width, y + height);
  const matrices = { 0: [1, 0, 0, 1, 0, 0], 90: [0, 1, -1, 0, 0, 0], 180: [-1, 0, 0, -1, 0, 0], 270: [0, -1, 1, 0, 0, 0] } as const;
  return {
    rect: [Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by)],
    matrix: [...matrices[rotate]] as [number, number, number, number, number, number],
    visibleSize: { width: vw, height: vh },
  };
}

const round = (n: number) => Math.round(n * 100) / 100;
