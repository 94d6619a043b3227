import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { decodeImage, encodeJpeg } from "../face/decode-image";
import { resizeImage, rotateImage } from "../face/transform-image";
import { checkIdCardFront } from "./check-id-card-front";
import { drawIdCardFront, type IdCardFields } from "./draw-id-card";
import { matchIdCardText } from "./match-id-card-text";
import { parseIdCardText } from "./parse-id-card-text";
import { readIdCardText, stopIdCardOcr } from "./read-id-card-text";
import { ASTRONAUT_PATH } from "@/tests/helpers/shared-dir";

// Synthetic person; the ID number is the spec's synthetic example.
const FIELDS: IdCardFields = {
  name: "张三丰",
  sex: "女",
  ethnicity: "汉",
  birth: [1985, 12, 31],
  address: "广东省深圳市南山区科技园路1号",
  idNumber: "440305198512310026",
};
const REGISTERED = { name: "张三丰", idNumber: "440305198512310026" };

afterAll(() => stopIdCardOcr());

describe("parseIdCardText", () => {
  it("reads tesseract's actual output for the synthetic card (spaces and stray quotes)", () => {
    const raw = "姓名 ”张三丰\n\n性 别 “ 女 民族 汉\n\n出 生 ”1985 年 12 月 31 日\n\n住址 ”广东 省 深圳 市 南山 区 科技 园 路 1 号\n\n公民 身份 3 码 440305198512310026\n";
    expect(parseIdCardText(raw)).toEqual({ name: "张三丰", idNumber: "440305198512310026" });
  });

  it("fixes O/I/l/S/B confusions inside the number but only accepts a valid check digit", () => {
    expect(parseIdCardText("公民身份号码 44O3O5I985l23IOO26").idNumber).toBe("440305198512310026");
    expect(parseIdCardText("公民身份号码 11010519491231002x").idNumber).toBe("11010519491231002X");
    expect(parseIdCardText("公民身份号码 440305198512310027").idNumber).toBeNull();
  });

  it("keeps the middle dot of minority names and returns null when a field is absent", () => {
    expect(parseIdCardText("姓名: 阿依古丽·买买提").name).toBe("阿依古丽·买买提");
    expect(parseIdCardText("住址 北京市")).toEqual({ name: null, idNumber: null });
  });
});

describe("matchIdCardText", () => {
  it("accepts equal values modulo spaces and x/X", () => {
    expect(matchIdCardText({ name: "张 三丰", idNumber: "11010519491231002x" }, { name: "张三丰", idNumber: "11010519491231002X" })).toEqual({ ok: true, reasons: [] });
  });
  it("reports each mismatch, and unreadable cards", () => {
    expect(matchIdCardText({ name: "张三", idNumber: "440305198512310026" }, REGISTERED).reasons).toEqual(["ID_CARD_NAME_MISMATCH"]);
    expect(matchIdCardText({ name: "张三丰", idNumber: "11010519491231002X" }, REGISTERED).reasons).toEqual(["ID_CARD_NUMBER_MISMATCH"]);
    expect(matchIdCardText({ name: null, idNumber: "440305198512310026" }, REGISTERED).reasons).toEqual(["ID_CARD_UNREADABLE"]);
  });
});

describe("readIdCardText (tesseract.js + chi_sim from npm) on a drawn card", () => {
  const portrait = decodeImage(readFileSync(ASTRONAUT_PATH));

  it("reads name and number from a clean card with a portrait", async () => {
    const r = await readIdCardText(drawIdCardFront(FIELDS, portrait));
    expect({ name: r.name, idNumber: r.idNumber }).toEqual({ name: "张三丰", idNumber: "440305198512310026" });
    expect(matchIdCardText(r, REGISTERED).ok).toBe(true);
  }, 60_000);

  // Measured: these pass; a full-size shot rotated 2° lost the name line
  // (→ ID_CARD_UNREADABLE, the user retakes) — no deskew yet, see README.
  it.each([
    [0.7, 2, 70],
    [0.85, -3, 80],
    [0.5, 0, 70],
  ])("still reads a phone-like shot: %f× scale, rotated %i°, JPEG q%i", async (scale, degrees, quality) => {
    const card = drawIdCardFront(FIELDS, portrait);
    const shot = decodeImage(encodeJpeg(rotateImage(resizeImage(card, card.width * scale, card.height * scale), degrees), quality));
    const r = await readIdCardText(shot);
    expect(matchIdCardText(r, REGISTERED)).toEqual({ ok: true, reasons: [] });
  }, 60_000);

  it("a blank card is unreadable, not a mismatch", async () => {
    const r = await readIdCardText(drawIdCardFront({ ...FIELDS, name: "", idNumber: "" }));
    expect(matchIdCardText(r, REGISTERED).reasons).toEqual(["ID_CARD_UNREADABLE"]);
  }, 60_000);

  it("detects a card of someone else", async () => {
    const r = await readIdCardText(drawIdCardFront({ ...FIELDS, name: "李四", idNumber: "11010519491231002X" }));
    expect(matchIdCardText(r, REGISTERED).reasons).toEqual(["ID_CARD_NAME_MISMATCH", "ID_CARD_NUMBER_MISMATCH"]);
  }, 60_000);

  it("checkIdCardFront: reads, validates and matches in one call, masking the number", async () => {
    const r = await checkIdCardFront({ card: drawIdCardFront(FIELDS, portrait), registered: REGISTERED, now: new Date("2026-12-04") });
    expect(r).toMatchObject({ ok: true, reasons: [], birthDate: "1985-12-31", sex: "female" });
    expect(r.read).toMatchObject({ name: "张三丰", idNumberMasked: "440***********0026" });
    const other = await checkIdCardFront({ card: drawIdCardFront(FIELDS, portrait), registered: { name: "张三丰", idNumber: "11010519491231002X" } });
    expect(other.reasons).toEqual(["ID_CARD_NUMBER_MISMATCH"]);
  }, 60_000);
});
