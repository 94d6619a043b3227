import { crc32, deflateSync } from "node:zlib";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { getDb } from "@/lib/db";
import { memberships, users } from "@/lib/db/schema";
import { issuePersonalCertificate } from "@/lib/certificates/issue-personal-certificate";
import { getProject } from "@/lib/projects/get-project";
import { saveHandwrittenSignature } from "@/lib/signatures/save-handwritten-signature";
import { randomPhone } from "./phones";

/** One PNG chunk (length, type, data, CRC): for building test images by hand. */
export function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "latin1");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type, "latin1"), data])) >>> 0);
  return Buffer.concat([head, data, crc]);
}

/** An 8-bit RGBA PNG from rows that already carry their filter byte. */
export function rgbaPng(width: number, height: number, filteredRows: Buffer[]): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, pngChunk("IHDR", ihdr), pngChunk("IDAT", deflateSync(Buffer.concat(filteredRows))), pngChunk("IEND", Buffer.alloc(0))]);
}

/** A small RGBA PNG with a wavy stroke: a stand-in for a drawn signature. */
export function signaturePng(width = 300, height = 120): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const line = Buffer.alloc(width * 4 + 1);
    for (let x = 0; x < width; x++) {
      if (Math.abs(y - (height / 2 + Math.sin(x / 15) * height * 0.3)) < 3) line.writeUInt32BE(0x111827ff, 1 + x * 4);
    }
    rows.push(line);
  }
  return rgbaPng(width, height, rows);
}

/** A registered staff member of 中山大学 who finished onboarding: certificate under `pin`, handwritten signature. */
export async function readySigner(name: string, pin = "7q4w9e2") {
  const db = await getDb();
  const [user] = await db.insert(users).values({ phone: randomPhone(), realName: name }).returning();
  const project = await getProject({ slug: "sysu" });
  const role = project.roles.find((r) => r.key === "staff")!;
  const [m] = await db.insert(memberships).values({ userId: user!.id, projectId: project.id, roleId: role.id, agreementAcceptedAt: new Date() }).returning();
  await issuePersonalCertificate({ actorId: user!.id, membershipId: m!.id, pin });
  await saveHandwrittenSignature({ userId: user!.id, png: signaturePng() });
  return { user: user!, membershipId: m!.id, pin };
}

/** A plain PDF of `pages` A4 pages, made by pdf-lib (not by our engine). */
export async function samplePdf(pages = 2): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i++) doc.addPage([595, 842]).drawText(`Procurement contract - page ${i}`, { x: 60, y: 760, size: 18, font });
  return doc.save();
}
