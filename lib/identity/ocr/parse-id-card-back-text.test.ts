import { describe, expect, it } from "vitest";
import { checkCardValidity } from "../check-card-validity";
import { parseIdCardBackText } from "./parse-id-card-back-text";

describe("parseIdCardBackText", () => {
  it("reads tesseract's actual output for drawn backs (spaces, stray quotes and full stops after labels)", () => {
    expect(parseIdCardBackText("签发 机 关 ”深圳 市 公安 局 南山 分 局\n有 效 期 限 “” 2016.01.01-2036.01.01\n")).toEqual({
      issuer: "深圳市公安局南山分局",
      validity: "2016.01.01-2036.01.01",
    });
    expect(parseIdCardBackText("签发 机 关 。 北京 市 公安 局 海淀 分 局\n有 效 期 限 。 2020.05.01- 长 期\n")).toEqual({
      issuer: "北京市公安局海淀分局",
      validity: "2020.05.01-长期",
    });
  });

  it("the result is what checkCardValidity accepts", () => {
    const { validity } = parseIdCardBackText("有效期限 2016.01.01-2036.01.01");
    expect(checkCardValidity(validity!, new Date("2026-06-01"))).toEqual({ ok: true, validFrom: "2016-01-01", validUntil: "2036-01-01" });
    const longTerm = parseIdCardBackText("有效期限 2020.05.01-长期").validity;
    expect(checkCardValidity(longTerm!, new Date("2026-06-01"))).toMatchObject({ ok: true, validUntil: "long-term" });
  });

  it.each([
    ["O/0, I/l/1 confusions", "有 效 期 限 ”2O16.O1.Ol—2O36.OI.O1", "2016.01.01-2036.01.01"],
    ["full-width digits and punctuation", "有效期限：２０１６．０１．０１－２０３６．０１．０１", "2016.01.01-2036.01.01"],
    ["CJK 一 as the dash, spaces for dots", "有效期限 2016 01 01一2036 01 01", "2016.01.01-2036.01.01"],
    ["en dash, missing dots", "有效期限 20091130–20191130", "2009.11.30-2019.11.30"],
    ["dash lost entirely", "有 效 期 限 2012.07.192022.07.19", "2012.07.19-2022.07.19"],
    ["至 as in manual entry", "有效期限 2015-03-01至2035-03-01", "2015.03.01-2035.03.01"],
    ["长期 split by a space and a misread dot", "有 效 期 限 。 2001。10.08- 长 期", "2001.10.08-长期"],
    ["5-year card of a child", "有效期限 2023.12.31-2028.12.31", "2023.12.31-2028.12.31"],
    ["29 Feb start ends on 28 Feb", "有效期限 2008.02.29-2018.02.28", "2008.02.29-2018.02.28"],
    ["label misread, value on its own line", "有 效 期 隆\n2018.02.28-2028.02.28", "2018.02.28-2028.02.28"],
  ])("validity: %s", (_, text, expected) => {
    expect(parseIdCardBackText(text).validity).toBe(expected);
  });

  it.each([
    ["a digit lost", "有效期限 2016.01.0-2036.01.01"],
    ["a dot read as a digit", "有效期限 2016.01.011-2036.01.01"],
    ["month 13", "有效期限 2016.13.01-2036.13.01"],
    ["31 April", "有效期限 2016.04.31-2036.04.31"],
    ["end before start", "有效期限 2036.01.01-2016.01.01"],
    ["a real date but a misread digit (0→7)", "有效期限 2016.01.01-2036.07.01"],
    ["a period the law does not have", "有效期限 2016.01.01-2031.01.01"],
    ["no date at all", "签发机关 深圳市公安局南山分局"],
    ["长期 with a short date", "有效期限 2016.01-长期"],
  ])("validity is null rather than wrong: %s", (_, text) => {
    expect(parseIdCardBackText(text).validity).toBeNull();
  });

  it("issuer: by label, by 公安 without a label, never the validity line", () => {
    expect(parseIdCardBackText("签 发 机 关 : 重庆 市 公安 局 渝中 区 分 局").issuer).toBe("重庆市公安局渝中区分局");
    expect(parseIdCardBackText("签友机关 关岭县公安局").issuer).toBe("关岭县公安局");
    expect(parseIdCardBackText("石家庄 市 公安 局 长 安 分 局\n2019.04.16-2039.04.16").issuer).toBe("石家庄市公安局长安分局");
    expect(parseIdCardBackText("有效期限 2019.04.16-2039.04.16").issuer).toBeNull();
    expect(parseIdCardBackText("签发机关 。").issuer).toBeNull();
  });

  it("a 长 inside the issuer does not make the card long-term", () => {
    expect(parseIdCardBackText("签发机关 石家庄市公安局长安分局\n有效期限 2019.04.16-2039.04.16")).toEqual({
      issuer: "石家庄市公安局长安分局",
      validity: "2019.04.16-2039.04.16",
    });
  });
});
