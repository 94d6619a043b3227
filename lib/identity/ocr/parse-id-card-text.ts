// Pulls the name and the ID number out of OCR text of a card front. Tesseract
// puts spaces between CJK characters and reads stray quotes/colons after the
// labels, so lines are compacted before matching; the ID number is taken from
// any 18-character run that passes the GB 11643 check digit, after fixing the
// usual letter/digit confusions inside that run.
import { validateIdNumber } from "../validate-id-number";

export interface IdCardText {
  name: string | null;
  idNumber: string | null;
}

const NOISE = /[\s"'“”‘’`:：,，.。_\-—~]/g;
const DIGIT_LOOKALIKES: Record<string, string> = { O: "0", o: "0", D: "0", I: "1", l: "1", "|": "1", Z: "2", S: "5", B: "8", x: "X" };

export function parseIdCardText(text: string): IdCardText {
  const lines = text.split(/\r?\n/).map((l) => l.replace(NOISE, "")).filter(Boolean);
  const nameLine = lines.find((l) => l.startsWith("姓名"));
  const name = nameLine ? nameLine.slice(2).replace(/[^\p{Script=Han}·]/gu, "") || null : null;

  let idNumber: string | null = null;
  for (const line of [...lines].reverse()) {
    const fixed = line.replace(/[OoDIl|ZSBx]/g, (c) => DIGIT_LOOKALIKES[c]);
    for (const m of fixed.matchAll(/\d{17}[\dX]/g)) {
      if (validateIdNumber(m[0]).ok) idNumber = m[0];
    }
    if (idNumber) break;
  }
  return { name, idNumber };
}
