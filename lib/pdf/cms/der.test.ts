import { expect, test } from "vitest";
import { children, decodeOid, decodeTime, oid, readNode, seq, setOf, tlv } from "./der";

test("round-trips OIDs and sorts SET OF", () => {
  expect(decodeOid(readNode(oid("1.2.840.113549.1.9.16.2.47")))).toBe("1.2.840.113549.1.9.16.2.47");
  const set = setOf(tlv(0x04, Uint8Array.of(2)), tlv(0x04, Uint8Array.of(1)));
  expect([...set]).toEqual([0x31, 6, 0x04, 1, 1, 0x04, 1, 2]);
});

test("UTCTime and GeneralizedTime", () => {
  expect(decodeTime(readNode(tlv(0x17, new TextEncoder().encode("261204193151Z")))).toISOString()).toBe("2026-12-04T19:31:51.000Z");
  expect(decodeTime(readNode(tlv(0x18, new TextEncoder().encode("20261204193151.735Z")))).toISOString()).toBe("2026-12-04T19:31:51.735Z");
});

test("BER indefinite lengths (NSS-made CMS) are read", () => {
  const ber = Uint8Array.of(0x30, 0x80, 0x02, 0x01, 0x05, 0x00, 0x00);
  const n = readNode(ber);
  expect(children(n).map((c) => c.tag)).toEqual([0x02]);
  expect(n.bytes.length).toBe(7);
});

test("regression: a length field cut off at the end throws instead of looping until out of memory", () => {
  expect(() => readNode(Uint8Array.of(0x30, 0x82, 0x01))).toThrow(/truncated/);
  const outer = seq(Uint8Array.of(0x04, 0x84, 0xff)); // inner length bytes missing
  expect(() => children(readNode(outer))).toThrow(/truncated/);
});
