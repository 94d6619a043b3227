// Reading ID cards from whole phone-like photos: the card drawn (front with an
// ID-style portrait, front with a half-body portrait, back), laid on four kinds
// of table at several sizes and angles, JPEG-encoded, then located and read.
// Prints every case, a success table per condition and the time per read.
//   npx tsx bench/identity-ocr.ts            (SIDES=front,half,back W=1600 H=1200)
import { readFileSync } from "node:fs";
import { decodeImage, encodeJpeg } from "@/lib/identity/face/decode-image";
import { composeCardScene, type SceneBackground } from "@/lib/identity/ocr/compose-card-scene";
import { drawIdCardFront } from "@/lib/identity/ocr/draw-id-card";
import { drawIdCardBack } from "@/lib/identity/ocr/draw-id-card-back";
import { frameIdPhoto } from "@/lib/identity/ocr/frame-id-photo";
import { stopIdCardOcr } from "@/lib/identity/ocr/ocr-worker";
import { readIdCardBack } from "@/lib/identity/ocr/read-id-card-back";
import { readIdCardText } from "@/lib/identity/ocr/read-id-card-text";
import { ASTRONAUT_PATH } from "@/tests/helpers/shared-dir";

const FIELDS = { name: "张三丰", sex: "女", ethnicity: "汉", birth: [1985, 12, 31], address: "广东省深圳市南山区科技园路1号", idNumber: "440305198512310026" } as const;
const astronaut = decodeImage(readFileSync(ASTRONAUT_PATH));
const CARDS = {
  front: drawIdCardFront({ ...FIELDS, birth: [1985, 12, 31] }, await frameIdPhoto(astronaut)),
  half: drawIdCardFront({ ...FIELDS, birth: [1985, 12, 31] }, astronaut),
  back: drawIdCardBack({ issuer: "深圳市公安局南山分局", validity: "2016.01.01-2036.01.01" }),
};
const SHADOWS = [[0.015, 0.015], [-0.015, -0.01], [0.02, -0.006], false] as const;
const sides = (process.env.SIDES ?? "front,half,back").split(",") as (keyof typeof CARDS)[];
const W = Number(process.env.W ?? 1600), H = Number(process.env.H ?? 1200);

const summary: Record<string, [number, number]> = {};
const times: Record<string, number[]> = {};
let n = 0;
for (const side of sides) {
  for (const background of ["plain", "gradient", "textured", "light"] as SceneBackground[]) {
    const placements = [0.45, 0.65, 0.8].flatMap((f) => [0, 8, -8, 15, -15].map((d) => [f, d])).concat([[0.9, 0], [0.9, 5], [0.9, -5]]);
    for (const [cardWidthFraction, degrees] of placements) {
      n++;
      const q = [60, 75, 90][n % 3]!;
      const scene = composeCardScene(CARDS[side], { width: W, height: H, background, cardWidthFraction: cardWidthFraction!, degrees: degrees!, seed: n, offset: [((n % 5) - 2) * 0.02, ((n % 3) - 1) * 0.02], shadow: SHADOWS[n % 4] as never });
      const photo = decodeImage(encodeJpeg(scene, q));
      const t = performance.now();
      let ok: boolean, got: string;
      if (side === "back") {
        const r = await readIdCardBack(photo);
        ok = r.issuer === "深圳市公安局南山分局" && r.validity === "2016.01.01-2036.01.01";
        got = `${r.issuer} ${r.validity}`;
      } else {
        const r = await readIdCardText(photo);
        ok = r.name === FIELDS.name && r.idNumber === FIELDS.idNumber;
        got = `${r.name} ${r.idNumber}`;
      }
      (times[side] ??= []).push(performance.now() - t);
      for (const key of [`${side} ${background}`, `${side} width ${cardWidthFraction}`, `${side} ${degrees}°`, `${side} q${q}`, side]) {
        summary[key] ??= [0, 0];
        summary[key][0] += ok ? 1 : 0;
        summary[key][1]++;
      }
      if (!ok) console.log(`FAIL ${side} ${background} width ${cardWidthFraction} ${degrees}° q${q}: ${got}`);
    }
  }
}
console.log(`\n${W}×${H} photos, locate + OCR (tesseract chi_sim, one worker)\n\n| condition | read right |\n|---|---:|`);
for (const [k, [a, b]] of Object.entries(summary)) console.log(`| ${k} | ${a}/${b} |`);
console.log("\n| side | median | p90 | max |\n|---|---:|---:|---:|");
for (const [side, ts] of Object.entries(times)) {
  ts.sort((a, b) => a - b);
  const at = (p: number) => `${(ts[Math.min(ts.length - 1, Math.floor(ts.length * p))]! / 1000).toFixed(2)} s`;
  console.log(`| ${side} | ${at(0.5)} | ${at(0.9)} | ${at(1)} |`);
}
await stopIdCardOcr();
