// Cuts the card out of the photo along its four corners into an upright
// 856×540 image (85.6×54 mm at 10 px/mm, the frame the drawers and the OCR
// regions use). A projective map (homography) also undoes mild perspective.
// When the card is more than twice that size in the photo, the photo is box-
// downscaled first so bilinear sampling does not alias the text.
import type { RgbImage } from "../face/decode-image";
import { remapImage } from "../face/transform-image";
import type { CardQuad } from "./fit-card-quad";
import { downscaleImage } from "./gray-image";

export const CARD_WIDTH_PX = 856;
export const CARD_HEIGHT_PX = 540;

export function warpCardQuad(photo: RgbImage, quad: CardQuad, width = CARD_WIDTH_PX, height = CARD_HEIGHT_PX): RgbImage {
  const [tl, tr, br, bl] = quad;
  const span = Math.min(Math.hypot(tr[0] - tl[0], tr[1] - tl[1]), Math.hypot(br[0] - bl[0], br[1] - bl[1]));
  const factor = Math.max(1, Math.floor(span / width / 1.5));
  const source = downscaleImage(photo, factor);
  // Corners are in pixel-centre coordinates; box-downscaling maps them x → (x + 0.5)/f − 0.5.
  const scaled = quad.map(([x, y]) => [(x + 0.5) / factor - 0.5, (y + 0.5) / factor - 0.5]);
  const h = homography(
    [[0, 0], [width, 0], [width, height], [0, height]],
    scaled,
  );
  // The card's outline is the outer edge of output pixels: pixel (x, y) has its centre at (x + 0.5, y + 0.5).
  return remapImage(source, width, height, (x, y) => {
    const u = x + 0.5, v = y + 0.5, w = h[6] * u + h[7] * v + 1;
    return [(h[0] * u + h[1] * v + h[2]) / w, (h[3] * u + h[4] * v + h[5]) / w];
  });
}

/** The 8 coefficients of the homography taking each `from` point to its `to` point (h33 = 1). */
function homography(from: number[][], to: number[][]): number[] {
  const rows: number[][] = [];
  from.forEach(([x, y], i) => {
    const [X, Y] = to[i];
    rows.push([x, y, 1, 0, 0, 0, -x * X, -y * X, X]);
    rows.push([0, 0, 0, x, y, 1, -x * Y, -y * Y, Y]);
  });
  // Gaussian elimination with partial pivoting on the 8×9 augmented matrix.
  for (let col = 0; col < 8; col++) {
    let pivot = col;
    for (let r = col + 1; r < 8; r++) if (Math.abs(rows[r][col]) > Math.abs(rows[pivot][col])) pivot = r;
    [rows[col], rows[pivot]] = [rows[pivot], rows[col]];
    for (let r = 0; r < 8; r++) {
      if (r === col) continue;
      const f = rows[r][col] / rows[col][col];
      for (let k = col; k < 9; k++) rows[r][k] -= f * rows[col][k];
    }
  }
  return rows.map((row, i) => row[8] / row[i]);
}
