import { describe, expect, it } from "vitest";
import { getClientIp } from "@/lib/http/get-client-ip";
import { maskPhone, normalisePhone, phoneSchema } from "./phone";
import { realNameSchema } from "./real-name";

describe("phone numbers", () => {
  it.each(["13800138000", "+86 138 0013 8000", "0086-138-0013-8000", "8613800138000"])("accepts %s", (raw) => {
    expect(phoneSchema.parse(raw)).toBe("13800138000");
  });
  it.each(["12345", "12800138000", "1380013800", "138001380000", "abcdefghijk", "+1 415 555 0100", "1".repeat(40)])("rejects %s", (raw) => {
    expect(phoneSchema.safeParse(raw).success).toBe(false);
  });
  it("masks the middle digits", () => {
    expect(maskPhone("13800138000")).toBe("138****8000");
    expect(normalisePhone(" 138 0013 8000 ")).toBe("13800138000");
  });
});

describe("real names", () => {
  it.each(["张三", "欧阳娜娜", "阿卜杜·热合曼", "迪丽热巴•迪力木拉提", "John Smith", "Mary-Jane O'Neil"])("accepts %s", (name) => {
    expect(realNameSchema.safeParse(name).success).toBe(true);
  });
  it("normalises the bullet to the middle dot", () => {
    expect(realNameSchema.parse("迪丽热巴•迪力木拉提")).toBe("迪丽热巴·迪力木拉提");
  });
  it.each([
    ["张三3", "name_invalid"],
    ["<b>张三</b>", "name_invalid"],
    ["张", "name_too_short"],
    ["张".repeat(31), "name_too_long"],
    ["张 三", "name_invalid"],
    ["Robert'); DROP TABLE users;--", "name_invalid"],
  ])("rejects %s with %s", (name, key) => {
    const r = realNameSchema.safeParse(name);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe(key);
  });
});

describe("client address", () => {
  const h = (xff: string) => new Headers({ "x-forwarded-for": xff });
  it("trusts only the entry appended by our own server", () => {
    expect(getClientIp(h("6.6.6.6, 1.2.3.4"))).toBe("1.2.3.4");
    expect(getClientIp(h("6.6.6.6, 1.2.3.4, 10.0.0.1"), 1)).toBe("1.2.3.4");
    expect(getClientIp(h("::ffff:127.0.0.1"))).toBe("127.0.0.1");
    expect(getClientIp(new Headers())).toBe("unknown");
  });
});
