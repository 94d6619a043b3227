// Small byte-level helpers shared by the xref and object readers. They work
// on the original Uint8Array without copying or decoding it to a string.

export const isWhite = (b: number) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09 || b === 0x0c || b === 0x00;
export const isDigit = (b: number) => b >= 0x30 && b <= 0x39;

export function skipWhite(bytes: Uint8Array, pos: number): number {
  while (pos < bytes.length) {
    const b = bytes[pos];
    if (isWhite(b)) pos++;
    else if (b === 0x25 /* % comment */) {
      while (pos < bytes.length && bytes[pos] !== 0x0a && bytes[pos] !== 0x0d) pos++;
    } else break;
  }
  return pos;
}

/** Reads an unsigned integer at pos; returns [value, nextPos] or null. */
export function readUint(bytes: Uint8Array, pos: number): [number, number] | null {
  let v = 0;
  const start = pos;
  while (pos < bytes.length && isDigit(bytes[pos]) && pos - start < 16) v = v * 10 + (bytes[pos++] - 0x30);
  return pos === start ? null : [v, pos];
}

export function matchAscii(bytes: Uint8Array, pos: number, word: string): boolean {
  if (pos + word.length > bytes.length) return false;
  for (let i = 0; i < word.length; i++) if (bytes[pos + i] !== word.charCodeAt(i)) return false;
  return true;
}

/** Last occurrence of an ASCII word that starts at or before `from`, searching back at most `window` bytes. */
export function lastIndexOfAscii(bytes: Uint8Array, word: string, from = bytes.length - word.length, window = Infinity): number {
  const stop = Math.max(0, from - window);
  const first = word.charCodeAt(0);
  for (let i = Math.min(from, bytes.length - word.length); i >= stop; i--) {
    if (bytes[i] === first && matchAscii(bytes, i, word)) return i;
  }
  return -1;
}

export function indexOfAscii(bytes: Uint8Array, word: string, from = 0, to = bytes.length): number {
  const first = word.charCodeAt(0);
  const end = Math.min(to, bytes.length - word.length);
  for (let i = from; i <= end; i++) if (bytes[i] === first && matchAscii(bytes, i, word)) return i;
  return -1;
}

/**
 * Parses "N G obj" at pos (after optional whitespace) and returns the position
 * just after "obj", or -1 when the bytes there are not an object header.
 */
export function matchObjectHeader(bytes: Uint8Array, pos: number, objNum?: number): { num: number; gen: number; end: number } | null {
  let p = skipWhite(bytes, pos);
  const n = readUint(bytes, p);
  if (!n || (objNum !== undefined && n[0] !== objNum)) return null;
  p = skipWhite(bytes, n[1]);
  const g = readUint(bytes, p);
  if (!g) return null;
  p = skipWhite(bytes, g[1]);
  if (!matchAscii(bytes, p, "obj")) return null;
  return { num: n[0], gen: g[0], end: p + 3 };
}
