import { describe, expect, it } from "vitest";
import { checkPinStrength, findPinWeakness } from "./check-pin-strength";

const ctx = { idNumber: "11010519900315123X" }; // born 1990-03-15

describe("PIN strength", () => {
  it.each([
    ["12345", "too-short"],
    ["111111", "one-char"],
    ["aaaaaaaa", "one-char"],
    ["123456", "sequence"],
    ["654321", "sequence"],
    ["3456789", "sequence"],
    ["abcdef", "sequence"],
    ["123123", "common"],
    ["19900315", "birth-date"],
    ["900315", "birth-date"],
    ["031590", "birth-date"],
    ["150390", "birth-date"],
    ["x19900315y", "birth-date"],
    ["031577", "birth-date"], // 6 characters containing MMDD
    ["77031577", null], // longer PINs may contain MMDD
    ["15123X", "id-number"],
    ["15123x", "id-number"],
    ["802417", null],
    ["correct horse", null],
  ] as const)("%s → %s", (pin, rule) => {
    expect(findPinWeakness(pin, ctx)).toBe(rule);
  });

  it("works without context and throws PIN_TOO_WEAK with the rule", () => {
    expect(findPinWeakness("900315")).toBeNull();
    expect(() => checkPinStrength("000000")).toThrowError(expect.objectContaining({ code: "PIN_TOO_WEAK", params: { rule: "one-char" } }));
  });
});
