// Configurable: UPLOAD_MAX_MB (default 100).
export function uploadMaxBytes(): number {
  const mb = Number(process.env.UPLOAD_MAX_MB ?? 100);
  return (Number.isFinite(mb) && mb > 0 ? mb : 100) * 1024 * 1024;
}

export const HEAD_BYTES = 1024;
