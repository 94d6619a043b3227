import { describe, expect, it } from "vitest";
import { formatYuan } from "./format-price";

describe("formatYuan", () => {
  it.each([
    [0, "0.00"],
    [1, "0.01"],
    [30000, "300.00"],
    [12345, "123.45"],
    [-250, "-2.50"],
  ])("%i fen → %s", (fen, text) => expect(formatYuan(fen)).toBe(text));
});
