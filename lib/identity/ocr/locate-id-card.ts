// Finds the ID card in an uncropped phone photo (card on a table, 40–90 % of
// the frame, rotated up to ±20°) and returns it cut out, deskewed and
// upright at 856×540 — the frame readIdCardText / readIdCardBack expect.
//
// Both sides: the card's outline from edges (findCardRectangle, then
// fitCardQuad to sub-pixel corners). Front: the portrait's eyes first give
// the card's rotation (also upside down) and rule out rectangles that do not
// have the portrait where the layout puts it; when no outline is found (a
// light card on a light table) the portrait alone places the card
// (placeCardByPortrait) — a few mm off, inside the OCR regions' slack.
import type { RgbImage } from "../face/decode-image";
import { detectFaces, type Point } from "../face/detect-faces";
import { rotateImage } from "../face/transform-image";
import { dominantAngles, sobel } from "./edge-gradients";
import { MIN_EDGE } from "./bin-card-edges";
import { findCardRectangle, type CardRectangle, type FindCardOptions } from "./find-card-rectangle";
import { fitCardQuad, type CardQuad } from "./fit-card-quad";
import { downscaleImage, toGray, type GrayImage } from "./gray-image";
import { portraitPrior, type PortraitPrior } from "./locate-card-by-portrait";
import { placeCardByPortrait } from "./place-card-by-portrait";
import { warpCardQuad } from "./warp-card-quad";

/** Longer side of the grey image the edges are found on: a 40 % card is then ≥ 250 px wide. */
const WORKING_SIDE = 640;
/** SSD MobileNet resizes to 512 px anyway; a smaller copy only saves decoding work. */
const FACE_SIDE = 800;

export interface LocatedIdCard {
  card: RgbImage;
  /** Corners in photo pixels: top-left, top-right, bottom-right, bottom-left of the card as it reads. */
  quad: CardQuad;
  method: "edges" | "portrait";
}

export async function locateIdCard(photo: RgbImage, side: "front" | "back"): Promise<RgbImage | null> {
  return (await locateIdCardQuad(photo, side))?.card ?? null;
}

export async function locateIdCardQuad(photo: RgbImage, side: "front" | "back"): Promise<LocatedIdCard | null> {
  const { gray, factor } = toGray(photo, WORKING_SIDE);
  // Grey pixel i covers photo pixels i·f … i·f + f − 1.
  const toPhoto = ([x, y]: Point): Point => [x * factor + (factor - 1) / 2, y * factor + (factor - 1) / 2];
  const toGrayPoint = ([x, y]: Point): Point => [(x - (factor - 1) / 2) / factor, (y - (factor - 1) / 2) / factor];
  const face = side === "front" ? await findPortrait(photo, gray) : null;
  const prior = face && { ...face, eyes: toGrayPoint(face.eyes), eyeSpan: face.eyeSpan / factor };

  const rect = findCardRectangle(gray, prior ? portraitOptions(prior) : {});
  let quad = rect && fitCardQuad(gray, rect);
  let method: LocatedIdCard["method"] = "edges";
  if (!quad && prior) {
    quad = placeCardByPortrait(gray, prior);
    method = "portrait";
  } else if (quad && prior && portraitOrientation(rect!, prior) === "upsideDown") {
    quad = [quad[2], quad[3], quad[0], quad[1]];
  }
  if (!quad) return null;
  const inPhoto = quad.map(toPhoto) as CardQuad;
  return { card: warpCardQuad(photo, inPhoto), quad: inPhoto, method };
}

/**
 * The portrait's eyes in photo pixels. SSD MobileNet misses faces rolled
 * beyond ~15° (card rotation plus the head's own tilt) and all upside-down
 * ones, so a miss is retried on copies turned upright by the strongest edge
 * orientation, and then by that plus 180°.
 */
async function findPortrait(photo: RgbImage, gray: GrayImage): Promise<PortraitPrior | null> {
  const k = Math.max(1, Math.ceil(Math.max(photo.width, photo.height) / FACE_SIDE));
  const small = downscaleImage(photo, k);
  let face = (await detectFaces(small, { withDescriptors: false, maxFaces: 3 }))[0];
  let turn = 0;
  if (!face) {
    const edges = dominantAngles(sobel(gray), MIN_EDGE, 20, 1)[0] ?? 0;
    for (const t of Math.abs(edges) >= 4 ? [edges, edges + 180] : [edges + 180]) {
      face = (await detectFaces(rotateImage(small, -t), { withDescriptors: false, maxFaces: 3 }))[0];
      if (face) {
        turn = t;
        break;
      }
    }
  }
  if (!face) return null;
  const p = portraitPrior(face);
  // Back to the photo: rotateImage samples the source at centre + R(−turn)·(point − centre).
  const r = (-turn * Math.PI) / 180, cx = small.width / 2, cy = small.height / 2;
  const dx = p.eyes[0] - cx, dy = p.eyes[1] - cy;
  const [ex, ey] = [cx + dx * Math.cos(r) + dy * Math.sin(r), cy - dx * Math.sin(r) + dy * Math.cos(r)];
  const angle = ((p.angle + turn + 540) % 360) - 180;
  return { angle, eyes: [ex * k + (k - 1) / 2, ey * k + (k - 1) / 2], eyeSpan: p.eyeSpan * k };
}

/**
 * Search near the eye line's angle, and only rectangles with the eyes where
 * the layout puts the portrait — for any portrait framing, the right way up
 * or turned 180°. The landmark net fits an upside-down face as if upright,
 * so the eye line only gives the angle mod 180°; the side of the card the
 * face is on tells which way up the card is.
 */
function portraitOptions(prior: PortraitPrior): FindCardOptions {
  return {
    angle: ((((prior.angle + 90) % 180) + 180) % 180) - 90,
    accept: (rect: CardRectangle) => portraitOrientation(rect, prior) !== null,
  };
}

function portraitOrientation(rect: CardRectangle, prior: PortraitPrior): "upright" | "upsideDown" | null {
  const r = (rect.angle * Math.PI) / 180, [x, y] = prior.eyes;
  const u = (x * Math.cos(r) + y * Math.sin(r) - rect.left) / (rect.right - rect.left);
  const v = (-x * Math.sin(r) + y * Math.cos(r) - rect.top) / (rect.bottom - rect.top);
  const span = prior.eyeSpan / (rect.right - rect.left);
  if (span < 0.015 || span > 0.2) return null;
  const inPortraitArea = (fu: number, fv: number) => fu >= 0.55 && fu <= 1 && fv >= 0.05 && fv <= 0.85;
  return inPortraitArea(u, v) ? "upright" : inPortraitArea(1 - u, 1 - v) ? "upsideDown" : null;
}
