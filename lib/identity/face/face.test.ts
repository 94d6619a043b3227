import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { compareFaces, FACE_MATCH_THRESHOLD, isSameFace } from "./compare-faces";
import { decodeImage, encodeJpeg, ImageDecodeError, type RgbImage } from "./decode-image";
import { detectFaces, type DetectedFace } from "./detect-faces";
import { faceModelDirectory, loadFaceModels } from "./load-face-models";
import { sameFaceVariants } from "./same-face-variants";
import { createImage, cropImage, pasteImage, remapImage, resizeImage } from "./transform-image";
import { ASTRONAUT_PATH } from "@/tests/helpers/shared-dir";

const ASTRONAUT = ASTRONAUT_PATH;
const demoPhoto = (n: number) => decodeImage(readFileSync(join(faceModelDirectory(), "..", "demo", `sample${n}.jpg`)));
const cropFace = (img: RgbImage, f: DetectedFace, scale = 2.2) => {
  const s = Math.max(f.box.width, f.box.height) * scale;
  return cropImage(img, f.box.x + f.box.width / 2 - s / 2, f.box.y + f.box.height / 2 - s / 2, s, s);
};

let astronaut: RgbImage;
let reference: DetectedFace;

beforeAll(async () => {
  await loadFaceModels();
  astronaut = decodeImage(readFileSync(ASTRONAUT));
  [reference] = await detectFaces(astronaut);
}, 120_000);

describe("detectFaces on the WASM backend", () => {
  it("finds the one face of the fixture with 68 landmarks and a 128-d descriptor", async () => {
    const faces = await detectFaces(astronaut);
    expect(faces).toHaveLength(1);
    expect(faces[0].landmarks).toHaveLength(68);
    expect(faces[0].descriptor).toHaveLength(128);
    expect(faces[0].score).toBeGreaterThan(0.9);
    // Eye landmarks lie inside the face box.
    const [x, y] = faces[0].landmarks[36];
    expect(x).toBeGreaterThan(faces[0].box.x);
    expect(y).toBeGreaterThan(faces[0].box.y);
  });

  it("leaks no tensors across detections (a long-running server)", async () => {
    const { tf } = await loadFaceModels();
    await detectFaces(astronaut);
    const before = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) await detectFaces(astronaut);
    await detectFaces(createImage(64, 64));
    expect(tf.memory().numTensors).toBe(before);
  });

  it("reports two faces for a photo of two people", async () => {
    const [other] = await detectFaces(demoPhoto(2), { withDescriptors: false });
    const left = resizeImage(cropFace(astronaut, reference), 300, 300);
    const right = resizeImage(cropFace(demoPhoto(2), other), 300, 300);
    const pair = createImage(600, 300);
    pasteImage(pair, left, 0, 0);
    pasteImage(pair, right, 300, 0);
    expect(await detectFaces(pair, { withDescriptors: false })).toHaveLength(2);
  });

  it("finds several faces in face-api's group photos", async () => {
    expect((await detectFaces(demoPhoto(1), { withDescriptors: false })).length).toBeGreaterThanOrEqual(3);
  });

  it("finds no face in a blank image, a gradient or noise", async () => {
    const ends = createImage(2, 1, [0, 0, 0]);
    pasteImage(ends, createImage(1, 1, [255, 255, 255]), 1, 0);
    const gradient = remapImage(ends, 320, 240, (x) => [x / 320, 0]);
    const noise = createImage(320, 240);
    for (let i = 0, s = 7; i < noise.data.length; i++) noise.data[i] = (s = (s * 1103515245 + 12345) % 2 ** 31) & 255;
    for (const img of [createImage(320, 240, [128, 128, 128]), gradient, noise]) {
      expect(await detectFaces(img)).toEqual([]);
    }
  });
});

describe("compareFaces: same person", () => {
  it("matches the fixture re-cropped, rescaled, relit, rotated and printed on an ID card", async () => {
    for (const v of sameFaceVariants(astronaut, reference.box)) {
      const faces = await detectFaces(v.image);
      expect(faces, v.name).toHaveLength(1);
      const d = compareFaces(reference.descriptor!, faces[0].descriptor!);
      expect(d, v.name).toBeLessThan(FACE_MATCH_THRESHOLD);
    }
  }, 60_000);

  it("survives a JPEG round trip at phone-upload quality", async () => {
    const [face] = await detectFaces(decodeImage(encodeJpeg(astronaut, 75)));
    expect(isSameFace(reference.descriptor!, face.descriptor!)).toBe(true);
  });
});

describe("compareFaces: different people", () => {
  it("does not match any single face cropped from the demo photos", async () => {
    let checked = 0;
    for (const n of [1, 2, 3, 4, 5, 6]) {
      const photo = demoPhoto(n);
      for (const f of await detectFaces(photo, { withDescriptors: false })) {
        // Cropping with the detector gives the "another person, alone" photo.
        const single = await detectFaces(cropFace(photo, f, 1.8));
        if (single.length !== 1) continue; // neighbours partly in the crop
        expect(compareFaces(reference.descriptor!, single[0].descriptor!)).toBeGreaterThan(FACE_MATCH_THRESHOLD);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(15);
  }, 120_000);

  it("rejects descriptors of different length", () => {
    expect(() => compareFaces([1, 2], [1, 2, 3])).toThrow();
    expect(compareFaces([0, 3], [4, 0])).toBe(5);
  });
});

describe("decodeImage", () => {
  it("decodes PNG and JPEG to packed RGB of the right size", () => {
    expect(astronaut).toMatchObject({ width: 512, height: 512 });
    expect(astronaut.data.length).toBe(512 * 512 * 3);
    const back = decodeImage(encodeJpeg(astronaut, 90));
    expect(back).toMatchObject({ width: 512, height: 512 });
    expect(Math.abs(back.data[1000] - astronaut.data[1000])).toBeLessThan(20);
  });

  it("refuses non-images, truncated files and PNG decompression bombs", () => {
    expect(() => decodeImage(new TextEncoder().encode("%PDF-1.7"))).toThrow(ImageDecodeError);
    expect(() => decodeImage(readFileSync(ASTRONAUT).subarray(0, 100))).toThrow(ImageDecodeError);
    const bomb = Buffer.from(readFileSync(ASTRONAUT).subarray(0, 33));
    bomb.writeUInt32BE(100_000, 16);
    bomb.writeUInt32BE(100_000, 20);
    expect(() => decodeImage(bomb)).toThrow(ImageDecodeError);
    expect(() => decodeImage(encodeJpeg(astronaut).subarray(0, 300))).toThrow(ImageDecodeError);
  });
});
