import { describe, expect, it } from "vitest";
import { checkCardValidity } from "./check-card-validity";
import { maskIdNumber } from "./mask-id-number";
import { computeIdCheckDigit, validateIdNumber } from "./validate-id-number";

const NOW = new Date("2026-12-04T12:00:00Z");

describe("validateIdNumber — spec examples (specs/efapiao-and-ids.md §2)", () => {
  it.each([
    ["11010519491231002X", "1949-12-31", "female"],
    ["440305198512310026", "1985-12-31", "female"],
    ["310104200002290049", "2000-02-29", "female"],
  ])("%s is valid", (id, birthDate, sex) => {
    expect(validateIdNumber(id, NOW)).toEqual({ ok: true, normalized: id, birthDate, sex });
  });

  it.each([
    ["110101199003070010", "ID_NUMBER_CHECK_DIGIT"],
    ["440305199902300012", "ID_NUMBER_BIRTH_DATE"],
    ["11010519491213002X", "ID_NUMBER_CHECK_DIGIT"],
  ])("%s is rejected with %s", (id, reason) => {
    expect(validateIdNumber(id, NOW)).toEqual({ ok: false, reason });
  });
});

describe("validateIdNumber — edge cases", () => {
  const withCheck = (first17: string) => first17 + computeIdCheckDigit(first17);

  it("normalises lower-case x, full-width digits and whitespace", () => {
    expect(validateIdNumber(" 11010519491231002x ", NOW)).toMatchObject({ ok: true, normalized: "11010519491231002X" });
    expect(validateIdNumber("１１０１０５１９４９１２３１００２Ｘ", NOW)).toMatchObject({ ok: true });
  });

  it("rejects wrong length, letters and X anywhere but the end", () => {
    for (const id of ["", "1101051949123100", "1101051949123100211", "11010519491231X02X", "A1010519491231002X"]) {
      expect(validateIdNumber(id, NOW)).toEqual({ ok: false, reason: "ID_NUMBER_FORMAT" });
    }
  });

  it("rejects an unknown province code even with a correct check digit", () => {
    expect(validateIdNumber(withCheck("99010519900101001"), NOW)).toEqual({ ok: false, reason: "ID_NUMBER_REGION" });
    expect(validateIdNumber(withCheck("16010519900101001"), NOW)).toEqual({ ok: false, reason: "ID_NUMBER_REGION" });
    expect(validateIdNumber(withCheck("00010519900101001"), NOW)).toEqual({ ok: false, reason: "ID_NUMBER_REGION" });
  });

  it("accepts 港澳台 residence permits (81/82/83) and foreign permanent-residence cards (9x)", () => {
    for (const first17 of ["81000019900101001", "83000019900101002", "91115619900101001"]) {
      expect(validateIdNumber(withCheck(first17), NOW), first17).toMatchObject({ ok: true });
    }
  });

  it("derives sex from the parity of the 17th digit", () => {
    expect(validateIdNumber(withCheck("44030519851231001"), NOW)).toMatchObject({ sex: "male" });
    expect(validateIdNumber(withCheck("44030519851231002"), NOW)).toMatchObject({ sex: "female" });
  });

  it("rejects 29 February in a non-leap year and 1900 (not a leap year)", () => {
    expect(validateIdNumber(withCheck("31010420010229004"), NOW)).toEqual({ ok: false, reason: "ID_NUMBER_BIRTH_DATE" });
    expect(validateIdNumber(withCheck("31010419000229004"), NOW)).toEqual({ ok: false, reason: "ID_NUMBER_BIRTH_DATE" });
  });

  it("accepts a birth today in Beijing but not tomorrow", () => {
    // 2026-12-04T20:00Z is already 2026-12-05 in Beijing.
    const lateUtc = new Date("2026-12-04T20:00:00Z");
    expect(validateIdNumber(withCheck("11010520261205001"), lateUtc)).toMatchObject({ ok: true });
    expect(validateIdNumber(withCheck("11010520261206001"), lateUtc)).toEqual({ ok: false, reason: "ID_NUMBER_BIRTH_DATE" });
  });

  it("limits age to 0–120 years", () => {
    expect(validateIdNumber(withCheck("11010519051205001"), NOW)).toMatchObject({ ok: true }); // 120, turns 121 tomorrow
    expect(validateIdNumber(withCheck("11010519051204001"), NOW)).toEqual({ ok: false, reason: "ID_NUMBER_AGE_RANGE" });
  });

  it("the check digit catches every single-digit substitution of a valid number", () => {
    const valid = "440305198512310026";
    for (let pos = 14; pos < 17; pos++) {
      for (let digit = 0; digit <= 9; digit++) {
        if (String(digit) === valid[pos]) continue;
        const changed = valid.slice(0, pos) + digit + valid.slice(pos + 1);
        expect(validateIdNumber(changed, NOW).ok).toBe(false);
      }
    }
  });
});

describe("maskIdNumber", () => {
  it("keeps the first 3 and last 4 characters", () => {
    expect(maskIdNumber("11010519491231002X")).toBe("110***********002X");
    expect(maskIdNumber("11010519491231002x")).toBe("110***********002X");
    expect(maskIdNumber("123")).toBe("***");
  });
});

describe("checkCardValidity (back side 有效期限)", () => {
  it.each([
    ["2015.03.01-2035.03.01", { ok: true, validFrom: "2015-03-01", validUntil: "2035-03-01" }],
    ["2015.03.01-长期", { ok: true, validFrom: "2015-03-01", validUntil: "long-term" }],
    ["2015-03-01至2035-03-01", { ok: true, validFrom: "2015-03-01", validUntil: "2035-03-01" }],
    ["20150301-20350301", { ok: true, validFrom: "2015-03-01", validUntil: "2035-03-01" }],
    ["2015．03．01－2035．03．01", { ok: true, validFrom: "2015-03-01", validUntil: "2035-03-01" }],
    ["2006.03.01-2026.03.01", { ok: false, reason: "ID_CARD_EXPIRED" }],
    ["2027.01.01-2047.01.01", { ok: false, reason: "ID_CARD_NOT_YET_VALID" }],
    ["2015.02.30-2035.02.30", { ok: false, reason: "ID_CARD_VALIDITY_FORMAT" }],
    ["2035.03.01-2015.03.01", { ok: false, reason: "ID_CARD_VALIDITY_FORMAT" }],
    ["长期", { ok: false, reason: "ID_CARD_VALIDITY_FORMAT" }],
    ["", { ok: false, reason: "ID_CARD_VALIDITY_FORMAT" }],
  ])("%s", (text, expected) => expect(checkCardValidity(text, NOW)).toEqual(expected));

  it("a card is still valid on its last printed day (Beijing time)", () => {
    expect(checkCardValidity("2006.12.04-2026.12.04", NOW)).toMatchObject({ ok: true });
    expect(checkCardValidity("2006.12.04-2026.12.04", new Date("2026-12-04T16:30:00Z"))).toEqual({ ok: false, reason: "ID_CARD_EXPIRED" });
  });
});
