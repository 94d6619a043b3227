import { z } from "zod";

// Names as printed on a resident ID card: Chinese characters, optionally with
// the middle dot used in minority and transliterated names (阿卜杜·热合曼), or
// Latin letters with spaces for foreign permanent residents. No digits, no
// markup, no control characters.
const CHINESE_NAME = /^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+(?:[·•][\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+)*$/u;
const LATIN_NAME = /^[A-Za-z]+(?:[ .'-][A-Za-z]+)*$/;

export const realNameSchema = z
  .string()
  .trim()
  .min(2, { message: "name_too_short" })
  .max(30, { message: "name_too_long" })
  .transform((s) => s.replace(/\u2022/g, "·"))
  .refine((s) => CHINESE_NAME.test(s) || LATIN_NAME.test(s), { message: "name_invalid" });
