// Text strings in PDF are UTF-16BE with a BOM, UTF-8 with a BOM (PDF 2.0),
// or PDFDocEncoding, which matches Latin-1 for everything a field name uses.
export function decodePdfText(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    let s = "";
    for (let i = 2; i + 1 < bytes.length; i += 2) s += String.fromCharCode((bytes[i] << 8) | bytes[i + 1]);
    return s;
  }
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return new TextDecoder().decode(bytes.subarray(3));
  }
  let s = "";
  for (const b of bytes) s += String.fromCharCode(b);
  return s;
}

/** Encodes text for a PDF text string: PDFDocEncoding when ASCII, else UTF-16BE with BOM. */
export function encodePdfText(text: string): Uint8Array {
  if (/^[\x20-\x7e]*$/.test(text)) return new TextEncoder().encode(text);
  const out = new Uint8Array(2 + text.length * 2);
  out[0] = 0xfe;
  out[1] = 0xff;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[2 + i * 2] = c >> 8;
    out[3 + i * 2] = c & 0xff;
  }
  return out;
}
