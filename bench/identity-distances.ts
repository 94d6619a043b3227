// Measures face-descriptor distances that FACE_MATCH_THRESHOLD is chosen from:
// same person = the fixture portrait under crop/scale/relight/rotate/grey/JPEG
// (one source photo only — see README for why that is optimistic), different
// people = every face the detector finds in face-api's demo photos.
// Run: npx tsx bench/identity-distances.ts
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { compareFaces } from "../lib/identity/face/compare-faces";
import { decodeImage } from "../lib/identity/face/decode-image";
import { detectFaces } from "../lib/identity/face/detect-faces";
import { faceModelDirectory } from "../lib/identity/face/load-face-models";
import { sameFaceVariants } from "../lib/identity/face/same-face-variants";
import { ASTRONAUT_PATH } from "../tests/helpers/shared-dir";

const ASTRONAUT = ASTRONAUT_PATH;

async function main() {
  const base = decodeImage(readFileSync(ASTRONAUT));
  const [ref] = await detectFaces(base);
  const same: [string, number][] = [];
  for (const v of sameFaceVariants(base, ref.box)) {
    const faces = await detectFaces(v.image);
    same.push([v.name, faces[0]?.descriptor ? compareFaces(ref.descriptor!, faces[0].descriptor) : NaN]);
  }
  const others: [string, number[]][] = [];
  const demo = join(faceModelDirectory(), "..", "demo");
  for (let i = 1; i <= 6; i++) {
    const faces = await detectFaces(decodeImage(readFileSync(join(demo, `sample${i}.jpg`))));
    for (const [k, f] of faces.entries()) others.push([`sample${i}#${k}`, f.descriptor!]);
  }
  const diff = others.map(([name, d]) => [name, compareFaces(ref.descriptor!, d)] as [string, number]);
  const between: number[] = [];
  for (let i = 0; i < others.length; i++) for (let j = i + 1; j < others.length; j++) between.push(compareFaces(others[i][1], others[j][1]));

  console.log("same person (astronaut variants vs original)");
  for (const [n, d] of same) console.log(`  ${n.padEnd(28)} ${d.toFixed(3)}`);
  console.log("different person (demo faces vs astronaut)");
  for (const [n, d] of diff) console.log(`  ${n.padEnd(28)} ${d.toFixed(3)}`);
  const stats = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return `n=${s.length} min=${s[0].toFixed(3)} median=${s[Math.floor(s.length / 2)].toFixed(3)} max=${s[s.length - 1].toFixed(3)}`;
  };
  console.log(`same:            ${stats(same.map(([, d]) => d))}`);
  console.log(`diff (vs ref):   ${stats(diff.map(([, d]) => d))}`);
  console.log(`diff (pairwise): ${stats(between)}`);
  const all = [...diff.map(([, d]) => d), ...between];
  for (const t of [0.42, 0.5, 0.6]) {
    const fr = same.filter(([, d]) => !(d < t)).length, fa = all.filter((d) => d < t).length;
    console.log(`threshold ${t}: false rejects ${fr}/${same.length}, false accepts ${fa}/${all.length}`);
  }
}

main();
