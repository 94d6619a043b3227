import { inflateSync, constants } from "node:zlib";
import { PDFArray, PDFDict, PDFName, PDFNumber } from "pdf-lib";
import { pdfError, PDF_LIMITS } from "../pdf-error";

// Only the streams the signer must read itself (xref streams, object streams)
// are decoded here; they are FlateDecode in practice, optionally with a PNG
// predictor. Anything else is reported instead of guessed.

export function decodeStream(dict: PDFDict, raw: Uint8Array): Uint8Array {
  const filter = dict.get(PDFName.of("Filter"));
  const filters = filter instanceof PDFArray ? filter.asArray() : filter ? [filter] : [];
  const parmsObj = dict.get(PDFName.of("DecodeParms"));
  const parmsList = parmsObj instanceof PDFArray ? parmsObj.asArray() : [parmsObj];
  let data = raw;
  filters.forEach((f, i) => {
    const name = f instanceof PDFName ? f.decodeText() : "";
    if (name !== "FlateDecode" && name !== "Fl") {
      throw pdfError("PDF_DAMAGED", `unsupported filter /${name} on an xref or object stream`);
    }
    data = inflate(data);
    const parms = parmsList[i];
    if (parms instanceof PDFDict) data = unpredict(data, parms);
  });
  return data;
}

function inflate(data: Uint8Array): Uint8Array {
  try {
    // finishFlush tolerates streams whose zlib trailer is missing (seen in the wild)
    return inflateSync(data, { maxOutputLength: PDF_LIMITS.maxDecodedStreamBytes, finishFlush: constants.Z_SYNC_FLUSH });
  } catch (e) {
    if ((e as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") {
      throw pdfError("PDF_LIMIT_EXCEEDED", "a decoded xref or object stream exceeds the size limit");
    }
    throw pdfError("PDF_DAMAGED", "an xref or object stream cannot be decompressed", {}, e);
  }
}

function num(d: PDFDict, key: string, dflt: number): number {
  const v = d.get(PDFName.of(key));
  return v instanceof PDFNumber ? v.asNumber() : dflt;
}

/** PNG predictors (Predictor ≥ 10) as used by xref streams; TIFF predictor 2 is not used there. */
function unpredict(data: Uint8Array, parms: PDFDict): Uint8Array {
  const predictor = num(parms, "Predictor", 1);
  if (predictor < 10) {
    if (predictor === 1) return data;
    throw pdfError("PDF_DAMAGED", `unsupported predictor ${predictor}`);
  }
  const colors = num(parms, "Colors", 1);
  const bpc = num(parms, "BitsPerComponent", 8);
  const columns = num(parms, "Columns", 1);
  const bpp = Math.max(1, Math.ceil((colors * bpc) / 8));
  const rowLen = Math.ceil((colors * bpc * columns) / 8);
  const rows = Math.floor(data.length / (rowLen + 1));
  const out = new Uint8Array(rows * rowLen);
  for (let r = 0; r < rows; r++) {
    const type = data[r * (rowLen + 1)];
    const src = r * (rowLen + 1) + 1;
    const dst = r * rowLen;
    for (let i = 0; i < rowLen; i++) {
      const raw = data[src + i];
      const left = i >= bpp ? out[dst + i - bpp] : 0;
      const up = r > 0 ? out[dst - rowLen + i] : 0;
      const upLeft = r > 0 && i >= bpp ? out[dst - rowLen + i - bpp] : 0;
      let v: number;
      switch (type) {
        case 0: v = raw; break;
        case 1: v = raw + left; break;
        case 2: v = raw + up; break;
        case 3: v = raw + ((left + up) >> 1); break;
        case 4: {
          const p = left + up - upLeft;
          const pa = Math.abs(p - left), pb = Math.abs(p - up), pc = Math.abs(p - upLeft);
          v = raw + (pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft);
          break;
        }
        default: throw pdfError("PDF_DAMAGED", `bad PNG predictor row type ${type}`);
      }
      out[dst + i] = v & 0xff;
    }
  }
  return out;
}
