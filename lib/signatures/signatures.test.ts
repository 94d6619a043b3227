import { afterAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { closeDb, getDb } from "@/lib/db";
import { memberships, users } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { getProject } from "@/lib/projects/get-project";
import { randomPhone } from "@/tests/helpers/phones";
import { rgbaPng } from "@/tests/helpers/signers";
import { checkSignaturePng } from "./check-signature-png";
import { decodePngRgba } from "./decode-png-rgba";
import { getHandwrittenSignature } from "./get-handwritten-signature";
import { saveHandwrittenSignature } from "./save-handwritten-signature";

afterAll(closeDb);

/** An RGBA PNG with a diagonal stroke, each row using a different filter type. */
function strokePng(width: number, height: number, ink = true): Buffer {
  const rows: Buffer[] = [];
  let prev = Buffer.alloc(width * 4);
  for (let y = 0; y < height; y++) {
    const line = Buffer.alloc(width * 4);
    for (let x = 0; x < width; x++) {
      if (ink && Math.abs(x - (y * width) / height) < 3) line.writeUInt32BE(0x101010ff, x * 4);
    }
    const filter = y % 5;
    const out = Buffer.alloc(width * 4 + 1);
    out[0] = filter;
    for (let i = 0; i < line.length; i++) {
      const a = i >= 4 ? line[i - 4]! : 0;
      const b = prev[i]!;
      const c = i >= 4 ? prev[i - 4]! : 0;
      const p = a + b - c;
      const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      const pred = [0, a, b, (a + b) >> 1, paeth][filter]!;
      out[i + 1] = (line[i]! - pred) & 0xff;
    }
    rows.push(out);
    prev = line;
  }
  return rgbaPng(width, height, rows);
}

describe("handwritten signature images", () => {
  it("decodes every PNG filter type exactly", () => {
    const img = decodePngRgba(strokePng(40, 20))!;
    expect(img.width).toBe(40);
    const alphaAt = (x: number, y: number) => img.pixels[(y * 40 + x) * 4 + 3];
    expect(alphaAt(0, 0)).toBe(255);
    expect(alphaAt(20, 10)).toBe(255);
    expect(alphaAt(39, 0)).toBe(0);
  });

  it("accepts a drawn signature and refuses empty, oversize or non-PNG uploads", () => {
    expect(checkSignaturePng(strokePng(300, 120))).toEqual({ width: 300, height: 120 });
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as AppError).code;
      }
      return "ok";
    };
    expect(code(() => checkSignaturePng(strokePng(300, 120, false)))).toBe("SIGNATURE_EMPTY");
    expect(code(() => checkSignaturePng(strokePng(2000, 100)))).toBe("SIGNATURE_IMAGE_INVALID");
    expect(code(() => checkSignaturePng(Buffer.from("GIF89a not a png at all, no no no no no no no no no")))).toBe("SIGNATURE_IMAGE_INVALID");
    const truncated = strokePng(300, 120).subarray(0, 80);
    expect(code(() => checkSignaturePng(truncated))).toBe("SIGNATURE_IMAGE_INVALID");
  });

  it("saves the signature and completes the step for certified memberships only", async () => {
    const db = await getDb();
    const [user] = await db.insert(users).values({ phone: randomPhone(), realName: "签名人" }).returning();
    const project = await getProject({ slug: "sysu" });
    const staff = project.roles.find((r) => r.key === "staff")!;
    const [m] = await db.insert(memberships).values({ userId: user!.id, projectId: project.id, roleId: staff.id, agreementAcceptedAt: new Date(), status: "certified" }).returning();
    const saved = await saveHandwrittenSignature({ userId: user!.id, png: strokePng(300, 120) });
    expect(saved.completedMemberships).toEqual([m!.id]);
    const [after] = await db.select().from(memberships).where(eq(memberships.id, m!.id));
    expect(after!.status).toBe("signature_ready");
    // Redrawing later keeps working and becomes the current signature.
    const again = await saveHandwrittenSignature({ userId: user!.id, png: strokePng(320, 120) });
    expect(again.completedMemberships).toEqual([]);
    expect((await getHandwrittenSignature({ userId: user!.id }))?.width).toBe(320);
  });
});
