"use client";

import { Camera } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { issueChallengeAction } from "@/app/(onboarding)/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { BLINK_MIN_BASELINE_OPENNESS as LIVENESS_OPEN_EYES, FRONTAL_MAX_YAW_DELTA, MOUTH_MIN_MAR } from "@/lib/identity/liveness/constants";
import { measureMouthAspectRatio, measureYaw } from "@/lib/identity/liveness/measure-landmarks";
import type { LandmarkFrame, LivenessAction, Point } from "@/lib/identity/liveness/types";
import { canvasToJpeg, drawVideoFrame } from "./canvas-frame";
import { loadFaceGuide, type FaceGuide, type FaceHint, type GuideFace } from "./face-guide";
import { recordAction, type GrabbedFrame } from "./record-action";

const FRONTAL_MS = 1200;
/** Wait at most this long for a neutral frame with open eyes before taking the best seen. */
const FRONTAL_MAX_MS = 4000;
/** Eye openness that counts as clearly open (lib/identity's blink baseline floor). */
const OPEN_EYES = LIVENESS_OPEN_EYES;

/** Looking straight (|yaw| within half the frontal tolerance; still faces measure 0.005–0.04) with the mouth closed. */
const isNeutral = (lm: Point[]) => Math.abs(measureYaw(lm)) < FRONTAL_MAX_YAW_DELTA / 2 && measureMouthAspectRatio(lm) < MOUTH_MIN_MAR * 0.8;

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Gives the user a few seconds to get into frame before the challenge starts. */
async function waitForFace(hint: { current: FaceHint | null }, ms: number) {
  const until = Date.now() + ms;
  while (Date.now() < until && hint.current !== "ok") await wait(200);
}

/**
 * Liveness: the server draws the actions; the front camera records a frontal
 * frame and a burst of frames during each prompted action; the server
 * re-detects everything and decides. Nothing here claims success.
 */
export function LivenessCapture({ membershipId, onPassed }: { membershipId: string; onPassed: () => void }) {
  const t = useTranslations("identity");
  const video = useRef<HTMLVideoElement>(null);
  const [prompt, setPrompt] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const stream = useRef<MediaStream | null>(null);
  const guide = useRef<FaceGuide | null>(null);
  const guiding = useRef(false);
  const hintRef = useRef<FaceHint | null>(null);
  const faceRef = useRef<GuideFace | null>(null);
  // Candidate neutral frames (from the guide, with their own landmarks) for the frontal frame.
  const wantNeutral = useRef(false);
  const neutral = useRef<{ at: number; blob: Blob; eyeOpenness: number; landmarks: Point[] }[]>([]);
  // Landmarks seen during the current action, for judging it live.
  const series = useRef<LandmarkFrame[] | null>(null);
  const [hint, setHint] = useState<FaceHint | null>(null);
  const [stats, setStats] = useState<{ fps: number; backend: string } | null>(null);

  useEffect(
    () => () => {
      guiding.current = false;
      stream.current?.getTracks().forEach((tr) => tr.stop());
    },
    [],
  );

  // Runs beside the capture: tells the user what the camera sees (too dark,
  // too far, no face, two faces) as fast as the device can detect.
  const guideLoop = async (g: FaceGuide) => {
    guiding.current = true;
    let n = 0;
    const since = performance.now();
    while (guiding.current && video.current && !video.current.paused) {
      const r = await g.check(video.current, { keepFrame: wantNeutral.current }).catch(() => null);
      if (!r) break;
      hintRef.current = r.hint;
      faceRef.current = r.face;
      if (r.frame && r.face && isNeutral(r.face.landmarks)) neutral.current.push({ at: r.at, blob: r.frame.blob, eyeOpenness: r.frame.eyeOpenness, landmarks: r.face.landmarks });
      if (r.face && series.current) series.current.push({ t: r.at, box: r.face.box, landmarks: r.face.landmarks });
      setHint(r.hint);
      n++;
      setStats({ fps: Math.round((n * 10000) / (performance.now() - since)) / 10, backend: g.backend });
    }
  };

  const grab = (): Promise<Blob> => canvasToJpeg(drawVideoFrame(video.current!, document.createElement("canvas")).canvas);

  /**
   * The frontal frame is every action's baseline on the server: it must show
   * the face at rest with the eyes open, not the middle of a blink or a turn.
   * Prefer guide frames taken after the challenge arrived that look neutral,
   * with open eyes, the most frontal; without guidance, a plain grab.
   */
  const pickFrontal = async (started: number): Promise<{ blob: Blob; at: number; landmarks?: Point[] }> => {
    if (!guide.current) {
      await wait(FRONTAL_MS);
      return { blob: await grab(), at: performance.now() };
    }
    neutral.current = [];
    wantNeutral.current = true;
    const until = performance.now() + FRONTAL_MAX_MS;
    await wait(FRONTAL_MS);
    const fresh = () => neutral.current.filter((n) => n.at > started);
    while (performance.now() < until && !fresh().some((n) => n.eyeOpenness >= OPEN_EYES)) await wait(100);
    wantNeutral.current = false;
    // Eyes open first, then the most frontal (open eyes grow wider in a turn, so never "most open").
    const straightness = (n: { eyeOpenness: number; landmarks: Point[] }) => (n.eyeOpenness >= OPEN_EYES ? 0 : 1) + Math.abs(measureYaw(n.landmarks));
    const best = fresh().sort((a, b) => straightness(a) - straightness(b))[0];
    return best ?? { blob: await grab(), at: performance.now(), landmarks: faceRef.current?.landmarks };
  };

  const run = async () => {
    setError(null);
    setBusy(true);
    try {
      if (!navigator.mediaDevices?.getUserMedia) throw new Error(t("noCamera"));
      stream.current ??= await navigator.mediaDevices.getUserMedia({ video: { facingMode: "user", width: { ideal: 640 }, height: { ideal: 480 } }, audio: false }).catch(() => {
        throw new Error(t("cameraDenied"));
      });
      video.current!.srcObject = stream.current;
      await video.current!.play();
      // Guidance is best effort: without it the server still judges the frames.
      guide.current ??= await loadFaceGuide().catch(() => null);
      if (guide.current && !guiding.current) void guideLoop(guide.current);
      if (guide.current) {
        setPrompt(t("lookStraight"));
        await waitForFace(hintRef, 8000);
      }
      const r = await issueChallengeAction(null, { membershipId });
      if (!r.ok) throw new Error(r.message);
      const started = performance.now();
      const frames: GrabbedFrame[] = [];
      setPrompt(t("lookStraight"));
      const frontal = await pickFrontal(started);
      frames.push({ blob: frontal.blob, offsetMs: Math.round(frontal.at - started) });
      const baseline = frontal.landmarks;
      for (const action of r.data.actions as LivenessAction[]) {
        setPrompt(t(`action.${action}` as "action.nod"));
        series.current = [];
        const ctx = { video: video.current!, startedAt: started, guided: Boolean(guide.current), latestFace: () => faceRef.current, series: () => series.current ?? [], baseline };
        frames.push(...(await recordAction(action, ctx, () => setPrompt(t("actionSeen")))));
        series.current = null;
      }
      setPrompt(t("checking"));
      const form = new FormData();
      form.set("membershipId", membershipId);
      form.set("challengeId", r.data.challengeId);
      form.set("nonce", r.data.nonce);
      form.set("offsets", frames.map((f) => f.offsetMs).join(","));
      form.set("mirrored", "0");
      frames.forEach((f, i) => form.append("frame", new File([f.blob], `f${i}.jpg`, { type: "image/jpeg" })));
      const res = await fetch("/api/identity/liveness", { method: "POST", body: form });
      const body = (await res.json().catch(() => null)) as { ok: boolean; passed?: boolean; reasons?: string[]; message?: string } | null;
      if (!body?.ok) throw new Error(body?.message ?? t("failed"));
      if (!body.passed) throw new Error(`${t("notPassed")} ${body.reasons?.join(" ") ?? ""}`);
      guiding.current = false;
      stream.current?.getTracks().forEach((tr) => tr.stop());
      onPassed();
    } catch (e) {
      setError(e instanceof Error ? e.message : t("failed"));
    } finally {
      setPrompt(null);
      setBusy(false);
    }
  };

  return (
    <div className="space-y-3">
      <div className="relative mx-auto aspect-[3/4] w-64 overflow-hidden rounded-full bg-slate-900 ring-4 ring-brand-200">
        {/* Shown mirrored like a mirror; frames are grabbed unmirrored. */}
        <video ref={video} playsInline muted className="h-full w-full -scale-x-100 object-cover" data-testid="liveness-video" />
        {hint && hint !== "ok" && <div className="absolute inset-x-0 top-6 text-center text-sm font-medium text-amber-300 drop-shadow" data-testid="liveness-hint">{t(`hint.${hint}`)}</div>}
        {prompt && <div className="absolute inset-x-0 bottom-4 text-center text-lg font-semibold text-white drop-shadow" data-testid="liveness-prompt">{prompt}</div>}
      </div>
      <p className="text-sm text-slate-600" data-testid="liveness-stats" data-fps={stats?.fps} data-backend={stats?.backend}>
        {t("livenessHint")}
      </p>
      {error && <Alert>{error}</Alert>}
      <Button size="lg" className="w-full" disabled={busy} onClick={run}>
        <Camera className="h-5 w-5" aria-hidden />
        {busy ? t("recording") : error ? t("retry") : t("startLiveness")}
      </Button>
    </div>
  );
}
