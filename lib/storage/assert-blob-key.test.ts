import { describe, expect, it } from "vitest";
import { assertBlobKey, isValidBlobKey } from "./assert-blob-key";

describe("isValidBlobKey", () => {
  it.each(["a", "0", "invoices/2026/12/inv_001.pdf", "id-photos/u1/front.jpg", "a/..b/c", "a/.hidden", "v1.2.3"])("accepts %j", (key) => {
    expect(isValidBlobKey(key)).toBe(true);
  });

  const bad = ["..", "../x", "a/..", "a/../b", ".", "./a", "a/.", "/abs", "a//b", "a/", "A", "a.PDF", ""];
  it.each([...bad, " a", "a\n", "a\u0000b", "_a", "-a", ".a", "x".repeat(257), "x".repeat(256)])(
    "rejects %j",
    (key) => expect(isValidBlobKey(key)).toBe(false),
  );

  it("rejects non-strings and says which key without echoing a huge one", () => {
    expect(isValidBlobKey(undefined)).toBe(false);
    expect(isValidBlobKey(42)).toBe(false);
    expect(() => assertBlobKey("z".repeat(5000))).toThrow(/^Invalid blob key "z{64}"$/);
  });
});
