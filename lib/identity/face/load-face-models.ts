// Loads face-api (vladmandic fork) on tfjs's WASM backend, once per process.
// Everything comes from node_modules through fs: the WASM binaries of
// @tensorflow/tfjs-backend-wasm and the model weights shipped in face-api's
// model/ folder. Nothing is fetched at run time (servers may have no egress).
// The WASM backend avoids @tensorflow/tfjs-node's native binaries, which need a
// matching libtensorflow for each platform.
import { createRequire } from "node:module";
import { join } from "node:path";
import { packageDir } from "@/lib/node-modules-path";

type FaceApi = typeof import("@vladmandic/face-api/dist/face-api.node-wasm.js");

/** The parts of the tfjs runtime we call that face-api's typings leave out. */
export interface TfRuntime {
  setBackend(name: string): Promise<boolean>;
  ready(): Promise<void>;
  getBackend(): string;
  setWasmPaths(prefix: string, usePlatformFetch?: boolean): void;
  tensor3d(values: Uint8Array | Int32Array, shape: [number, number, number], dtype: "int32"): FaceTensor;
  memory(): { numTensors: number };
}
export interface FaceTensor {
  dispose(): void;
}

export interface LoadedFaceModels {
  faceapi: FaceApi;
  tf: TfRuntime;
  /** Bytes of the three model weight files, for the benchmark and README. */
  modelBytes: number;
  loadMs: number;
}

/** The three nets the server needs: detector, 68-point landmarks, 128-d descriptor. */
export const MODEL_FILES = ["ssd_mobilenetv1_model", "face_landmark_68_model", "face_recognition_model"] as const;

const require = createRequire(import.meta.url);
let loading: Promise<LoadedFaceModels> | null = null;

export function loadFaceModels(): Promise<LoadedFaceModels> {
  // Concurrent callers share one load; a failed load is retried on the next call.
  loading ??= doLoad().catch((err) => {
    loading = null;
    throw err;
  });
  return loading;
}

export function faceModelDirectory(): string {
  return join(packageDir("@vladmandic/face-api"), "model");
}

async function doLoad(): Promise<LoadedFaceModels> {
  const started = performance.now();
  const faceapi = require("@vladmandic/face-api/dist/face-api.node-wasm.js") as FaceApi;
  const tf = faceapi.tf as unknown as TfRuntime;
  const wasmDir = join(packageDir("@tensorflow/tfjs-backend-wasm"), "dist");
  tf.setWasmPaths(wasmDir + "/");
  if (!(await tf.setBackend("wasm"))) throw new Error("tfjs WASM backend failed to initialise");
  await tf.ready();

  const dir = faceModelDirectory();
  await faceapi.nets.ssdMobilenetv1.loadFromDisk(dir);
  await faceapi.nets.faceLandmark68Net.loadFromDisk(dir);
  await faceapi.nets.faceRecognitionNet.loadFromDisk(dir);

  const { statSync } = await import("node:fs");
  const modelBytes = MODEL_FILES.reduce((sum, name) => sum + statSync(join(dir, `${name}.bin`)).size, 0);
  return { faceapi, tf, modelBytes, loadMs: performance.now() - started };
}
