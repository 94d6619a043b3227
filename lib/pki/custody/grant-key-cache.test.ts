import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { GrantKeyCache } from "./grant-key-cache";

const { privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });

describe("GrantKeyCache", () => {
  it("loads once while in use, again after the idle TTL, and never after delete", () => {
    const cache = new GrantKeyCache({ ttlMs: 1000 });
    let loads = 0;
    const load = () => (loads++, privateKey);
    cache.get("g1", load, 0);
    cache.get("g1", load, 900);
    cache.get("g1", load, 1800); // sliding: last use was at 900
    expect(loads).toBe(1);
    cache.get("g1", load, 5000);
    expect(loads).toBe(2);
    cache.delete("g1");
    cache.get("g1", load, 5001);
    expect(loads).toBe(3);
  });

  it("holds at most maxEntries, dropping the least recently used", () => {
    const cache = new GrantKeyCache({ maxEntries: 2 });
    let loads = 0;
    const load = () => (loads++, privateKey);
    cache.get("a", load, 0);
    cache.get("b", load, 1);
    cache.get("a", load, 2);
    cache.get("c", load, 3); // evicts b
    expect(cache.size).toBe(2);
    cache.get("a", load, 4);
    expect(loads).toBe(3);
    cache.get("b", load, 5);
    expect(loads).toBe(4);
  });
});
