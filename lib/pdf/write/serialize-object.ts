import { PDFArray, PDFDict, PDFHexString, PDFObject, PDFRawStream, PDFStream, PDFString } from "pdf-lib";
import type { FileKey } from "../crypt/derive-file-key";
import { encryptBytes } from "../crypt/object-cipher";

const enc = new TextEncoder();

/** One indirect object of the update, ready to append. */
export interface UpdateObject {
  num: number;
  gen: number;
  /** "N G obj … endobj\n" */
  bytes: Uint8Array;
}

export function serializeIndirect(num: number, gen: number, obj: PDFObject): UpdateObject {
  const head = enc.encode(`${num} ${gen} obj\n`);
  const tail = enc.encode("\nendobj\n");
  const size = obj.sizeInBytes();
  const bytes = new Uint8Array(head.length + size + tail.length);
  bytes.set(head, 0);
  obj.copyBytesInto(bytes, head.length);
  bytes.set(tail, head.length + size);
  return { num, gen, bytes };
}

/**
 * Returns a copy of `obj` with every string and stream encrypted for object
 * (num, gen). Used for objects whose strings are plaintext: new objects, and
 * existing objects that lived in an (as a whole encrypted) object stream.
 */
export function encryptObject(obj: PDFObject, fk: FileKey, num: number, gen: number): PDFObject {
  if (obj instanceof PDFString || obj instanceof PDFHexString) {
    return PDFHexString.of(Buffer.from(encryptBytes(fk, "str", num, gen, obj.asBytes())).toString("hex"));
  }
  if (obj instanceof PDFArray) {
    const out = PDFArray.withContext((obj as unknown as { context: never }).context);
    for (const v of obj.asArray()) out.push(encryptObject(v, fk, num, gen));
    return out;
  }
  if (obj instanceof PDFStream) {
    const dict = encryptObject(obj.dict, fk, num, gen) as PDFDict;
    const contents = obj instanceof PDFRawStream ? obj.contents : obj.getContents();
    return PDFRawStream.of(dict, encryptBytes(fk, "stm", num, gen, contents));
  }
  if (obj instanceof PDFDict) {
    const out = PDFDict.withContext(obj.context);
    for (const [k, v] of obj.entries()) out.set(k, encryptObject(v, fk, num, gen));
    return out;
  }
  return obj;
}
