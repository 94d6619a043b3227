// Test support: a synthetic front side of a resident ID card (not a real
// template, no security features): field labels and values in Noto Sans SC,
// the ID number in the bottom line, a portrait on the right. 856×540 px
// = 85.6×54 mm at 10 px/mm, about what a phone photo of a card resolves.
import type { RgbImage } from "../face/decode-image";
import { createImage, pasteImage, resizeImage } from "../face/transform-image";
import { loadCardFont } from "./load-card-font";
import { drawText } from "./rasterize-text";

export interface IdCardFields {
  name: string;
  sex: "男" | "女";
  ethnicity: string;
  birth: [number, number, number];
  address: string;
  idNumber: string;
}

export function drawIdCardFront(fields: IdCardFields, portrait?: RgbImage): RgbImage {
  const f = loadCardFont();
  const card = createImage(856, 540, [232, 236, 238]);
  const label = [40, 100, 160], ink = [20, 20, 20];
  const row = (y: number, name: string, value: string, valueX = 150) => {
    drawText(card, f, name, 50, y, 26, label);
    drawText(card, f, value, valueX, y, 30, ink);
  };
  row(90, "姓名", fields.name);
  row(150, "性别", fields.sex);
  drawText(card, f, "民族", 260, 150, 26, label);
  drawText(card, f, fields.ethnicity, 340, 150, 30, ink);
  const [y, m, d] = fields.birth;
  row(210, "出生", `${y}  年  ${m}  月  ${d}  日`);
  row(270, "住址", fields.address);
  drawText(card, f, "公民身份号码", 50, 470, 26, label);
  drawText(card, f, fields.idNumber.split("").join(" "), 250, 472, 34, ink);
  if (portrait) pasteImage(card, resizeImage(portrait, 260, 320), 570, 60);
  return card;
}
