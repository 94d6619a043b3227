/** Sends a PDF to /api/envelopes; the server opens a new envelope or continues a known one. */
export async function uploadPdf(file: File): Promise<{ ok: true; envelopeId: string } | { ok: false; status: number; message: string | null }> {
  const form = new FormData();
  form.set("file", file);
  try {
    const res = await fetch("/api/envelopes", { method: "POST", body: form });
    const body = (await res.json().catch(() => null)) as { ok: boolean; envelopeId?: string; message?: string } | null;
    if (body?.ok && body.envelopeId) return { ok: true, envelopeId: body.envelopeId };
    return { ok: false, status: res.status, message: body?.message ?? null };
  } catch {
    return { ok: false, status: 0, message: null };
  }
}
