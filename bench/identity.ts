// Face pipeline cost on the server: tfjs WASM backend in Node, 640×480 frames.
// Run: npx tsx bench/identity.ts   (prints a table; numbers vary with CPU load)
import { readFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { decodeImage } from "../lib/identity/face/decode-image";
import { detectFaces } from "../lib/identity/face/detect-faces";
import { loadFaceModels } from "../lib/identity/face/load-face-models";
import { createImage, pasteImage, resizeImage } from "../lib/identity/face/transform-image";
import { drawIdCardFront } from "../lib/identity/ocr/draw-id-card";
import { readIdCardText, stopIdCardOcr } from "../lib/identity/ocr/read-id-card-text";
import { ASTRONAUT_PATH } from "../tests/helpers/shared-dir";

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 10);

async function main() {
  const models = await loadFaceModels();
  const env = (models.tf as unknown as { env(): { getBool(k: string): boolean } }).env();

  // A 640×480 camera-like frame with one face (~180 px wide).
  const face = resizeImage(decodeImage(readFileSync(ASTRONAUT_PATH)), 480, 480);
  const frame = createImage(640, 480, [90, 100, 110]);
  pasteImage(frame, face, 80, 0);

  let t = performance.now();
  const first = await detectFaces(frame);
  const firstMs = performance.now() - t;
  if (first.length !== 1) throw new Error(`expected one face, got ${first.length}`);

  const rate = async (withDescriptors: boolean) => {
    t = performance.now();
    for (let i = 0; i < ITERATIONS; i++) await detectFaces(frame, { withDescriptors });
    const ms = (performance.now() - t) / ITERATIONS;
    return { ms, fps: 1000 / ms };
  };
  // Detector alone, straight through face-api, to show where the time goes.
  const { faceapi, tf } = models;
  const input = tf.tensor3d(frame.data, [frame.height, frame.width, 3], "int32");
  t = performance.now();
  for (let i = 0; i < ITERATIONS; i++) await faceapi.detectAllFaces(input as never, new faceapi.SsdMobilenetv1Options({ minConfidence: 0.5 }));
  const detMs = (performance.now() - t) / ITERATIONS;
  input.dispose();
  const lm = await rate(false);
  const desc = await rate(true);

  // OCR: the first call includes creating the tesseract worker and loading chi_sim.
  const card = drawIdCardFront({ name: "张三丰", sex: "女", ethnicity: "汉", birth: [1985, 12, 31], address: "广东省深圳市南山区科技园路1号", idNumber: "440305198512310026" }, face);
  t = performance.now();
  const firstRead = await readIdCardText(card);
  const ocrFirstMs = performance.now() - t;
  t = performance.now();
  for (let i = 0; i < 3; i++) await readIdCardText(card);
  const ocrMs = (performance.now() - t) / 3;
  await stopIdCardOcr();
  if (firstRead.idNumber !== "440305198512310026") throw new Error("OCR misread the bench card");

  const rows: [string, string][] = [
    ["backend", `wasm (SIMD ${env.getBool("WASM_HAS_SIMD_SUPPORT")}, threads ${env.getBool("WASM_HAS_MULTITHREAD_SUPPORT")})`],
    ["CPU", `${cpus()[0]?.model ?? "?"} ×${cpus().length}, load average ${loadavg()[0].toFixed(2)}`],
    ["model load (backend init + 3 nets from disk)", `${models.loadMs.toFixed(0)} ms`],
    ["model bytes (ssd_mobilenetv1 + landmark_68 + recognition)", `${(models.modelBytes / 1e6).toFixed(2)} MB`],
    ["first detection (det + landmarks + descriptor, 640×480)", `${firstMs.toFixed(0)} ms`],
    [`detector only (SSD MobileNet v1), 640×480 (mean of ${ITERATIONS})`, `${detMs.toFixed(0)} ms/frame = ${(1000 / detMs).toFixed(2)} /s`],
    [`detector + landmarks, 640×480 (mean of ${ITERATIONS})`, `${lm.ms.toFixed(0)} ms/frame = ${lm.fps.toFixed(2)} /s`],
    [`detector + landmarks + descriptor, 640×480 (mean of ${ITERATIONS})`, `${desc.ms.toFixed(0)} ms/frame = ${desc.fps.toFixed(2)} /s`],
    ["OCR first card 856×540 (worker + chi_sim load + read)", `${ocrFirstMs.toFixed(0)} ms`],
    ["OCR per card 856×540 (2 regions, mean of 3)", `${ocrMs.toFixed(0)} ms`],
  ];
  const w = Math.max(...rows.map(([k]) => k.length));
  console.log(`| ${"measure".padEnd(w)} | value |\n| ${"-".repeat(w)} | ----- |`);
  // Load average tells the reader whether other work skewed the numbers.
  for (const [k, v] of rows) console.log(`| ${k.padEnd(w)} | ${v} |`);
}

main();
