import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ShareFile } from "@/components/envelopes/share-file";
import { SignPanel } from "@/components/envelopes/sign-panel";
import { SignerList } from "@/components/envelopes/signer-list";
import { PageHeader } from "@/components/layout/page-header";
import { Alert } from "@/components/ui/alert";
import { requireUser } from "@/lib/auth/guards";
import { findSigningMembership } from "@/lib/envelopes/find-signing-membership";
import { loadEnvelope, loadEnvelopeTimeline } from "@/lib/envelopes/load-envelope";
import { isAppError } from "@/lib/errors";
import { getHandwrittenSignature } from "@/lib/signatures/get-handwritten-signature";
import { maskPhone } from "@/lib/validation/phone";

const fmt = (d: Date) => d.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false });

export default async function EnvelopePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/sign/${id}`);
  const data = await loadEnvelope({ actorId: user.id, envelopeId: id }).catch((e: unknown) => (isAppError(e) ? notFound() : Promise.reject(e)));
  const { envelope, signers, mySigner, isInitiator } = data;
  const t = await getTranslations("sign");
  const { events } = await loadEnvelopeTimeline({ envelopeId: id });
  const signature = await getHandwrittenSignature({ userId: user.id });
  const membership = mySigner ? await findSigningMembership({ userId: user.id, membershipId: mySigner.membershipId }) : null;
  const open = envelope.status === "in_progress";
  const canSign = open && mySigner?.status === "pending" && !!membership;
  const fileName = `${envelope.title}.pdf`;

  return (
    <>
      <PageHeader title={envelope.title} backHref="/sign" />
      <main className="space-y-5 px-4 py-5">
        <p className="text-sm" data-testid="envelope-status">
          {t(`status.${envelope.status}`)} · {t("revision", { n: envelope.currentRevision })}
        </p>
        {open && mySigner?.status === "pending" && !membership && <Alert>{t("needCertificate")}</Alert>}
        {open && !mySigner && <Alert tone="info">{t("notSignerHint")}</Alert>}
        <SignPanel envelopeId={id} revision={envelope.currentRevision} canSign={canSign} signatureUrl={signature ? `/api/me/signature?v=${signature.id}` : null} />
        <ShareFile url={`/api/envelopes/${id}/file`} fileName={fileName} />
        <SignerList
          envelopeId={id}
          canEdit={isInitiator && open}
          signers={signers.map((s) => ({
            id: s.signer.id,
            name: s.realName ?? maskPhone(s.phone),
            phone: maskPhone(s.phone),
            status: s.signer.status,
            signedAt: s.signer.signedAt ? fmt(s.signer.signedAt) : null,
            isMe: s.signer.userId === user.id,
          }))}
        />
        <section className="space-y-2" aria-labelledby="timeline-title">
          <h2 id="timeline-title" className="text-sm font-medium text-slate-500">
            {t("timeline")}
          </h2>
          <ol className="space-y-2 border-l-2 border-slate-200 pl-4" data-testid="timeline">
            {events.map(({ event, realName }) => (
              <li key={event.id} className="text-sm">
                <span className="font-medium">{t(`event.${event.type}` as "event.created", { name: realName ?? "", signer: String(event.data.realName ?? "") })}</span>
                <span className="block text-xs text-slate-500">{fmt(event.at)}</span>
              </li>
            ))}
          </ol>
        </section>
      </main>
    </>
  );
}
