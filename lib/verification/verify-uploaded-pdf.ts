import "server-only";
import { getPki } from "@/lib/certificates/get-pki";
import { assertPdfBytes } from "@/lib/envelopes/upload-limits";
import { verifyPdf } from "@/lib/pdf";
import { getCaCertificates } from "@/lib/pki";

export interface SignatureView {
  fieldName: string;
  kind: "signature" | "document-timestamp";
  signer: string | null;
  issuer: string | null;
  signingTime: string | null;
  timestamp: { time: string; valid: boolean } | null;
  intact: boolean;
  coversWholeFile: boolean;
  revision: number;
  changesAfter: "none" | "signatures-only" | "other";
  chain: "trusted" | "untrusted" | "invalid" | "not-checked";
  certification: number | null;
  problems: string[];
}

/**
 * The public /verify page: every signature of an uploaded PDF, judged against
 * our root. The bytes are only held in memory for this call — never stored.
 */
export async function verifyUploadedPdf({ bytes }: { bytes: Uint8Array }): Promise<{ revisions: number; signatures: SignatureView[] }> {
  // Not the upload pre-flight: a certified or slightly damaged file must still be reportable.
  assertPdfBytes(bytes);
  const { ca } = await getPki();
  const report = await verifyPdf(bytes, { trustedRoots: [getCaCertificates(ca).root.der] });
  return {
    revisions: report.revisions,
    signatures: report.signatures.map((s) => ({
      fieldName: s.fieldName,
      kind: s.kind,
      signer: s.signer?.subject ?? null,
      issuer: s.signer?.issuer ?? null,
      signingTime: s.signingTime?.toISOString() ?? null,
      timestamp: s.timestamp ? { time: s.timestamp.time.toISOString(), valid: s.timestamp.valid } : null,
      intact: s.valid,
      coversWholeFile: s.coversWholeFile,
      revision: s.revision,
      changesAfter: s.changesAfter,
      chain: s.chain.status,
      certification: s.certification ?? null,
      problems: s.problems,
    })),
  };
}
