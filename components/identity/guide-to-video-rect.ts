/** Users never align perfectly: keep a margin around the guide (the server locates the card edges). */
export const CROP_MARGIN = 0.06;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Maps the on-screen card guide (plus a margin) to pixels of the camera frame.
 * The preview uses object-fit: cover, so the frame is scaled by the larger
 * ratio and centred; the result is clipped to the frame.
 */
export function guideToVideoRect(container: { width: number; height: number }, video: { width: number; height: number }, guide: Rect): Rect {
  const s = Math.max(container.width / video.width, container.height / video.height);
  const ox = (container.width - video.width * s) / 2;
  const oy = (container.height - video.height * s) / 2;
  const mx = guide.width * CROP_MARGIN, my = guide.height * CROP_MARGIN;
  const x = Math.max(0, (guide.x - mx - ox) / s);
  const y = Math.max(0, (guide.y - my - oy) / s);
  return { x, y, width: Math.min(video.width - x, (guide.width + 2 * mx) / s), height: Math.min(video.height - y, (guide.height + 2 * my) / s) };
}
