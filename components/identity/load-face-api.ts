"use client";

// @vladmandic/face-api in the browser, loaded once per page: the tiny face
// detector and the 68-point landmarks, from our own origin (/models,
// runtime-cached by the service worker). Only the identity pages import it.

export type FaceApi = typeof import("@vladmandic/face-api/dist/face-api.esm.js");

let loading: Promise<{ faceapi: FaceApi; backend: string }> | null = null;

export function loadFaceApi(): Promise<{ faceapi: FaceApi; backend: string }> {
  loading ??= (async () => {
    const faceapi = await import("@vladmandic/face-api/dist/face-api.esm.js");
    // face-api re-exports tfjs, but its typings leave these out.
    const tf = faceapi.tf as unknown as { setBackend(name: string): Promise<boolean>; ready(): Promise<void>; getBackend(): string };
    // WebGL where the phone has it; the CPU backend still works (slower) without.
    if (!(await tf.setBackend("webgl").catch(() => false))) await tf.setBackend("cpu");
    await tf.ready();
    await faceapi.nets.tinyFaceDetector.loadFromUri("/models");
    await faceapi.nets.faceLandmark68Net.loadFromUri("/models");
    return { faceapi, backend: tf.getBackend() };
  })().catch((e: unknown) => {
    loading = null;
    throw e;
  });
  return loading;
}
