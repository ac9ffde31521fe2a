const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Length of the valid UTF-8 sequence starting at bytes[i] (RFC 3629: no overlongs, surrogates or code points past U+10FFFF), or 0. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b0 = bytes[i]!;
  if (b0 < 0x80) return 1;
  const cont = (j: number, low = 0x80, high = 0xbf) => j < bytes.length && bytes[j]! >= low && bytes[j]! <= high;
  if (b0 >= 0xc2 && b0 <= 0xdf) return cont(i + 1) ? 2 : 0;
  if (b0 >= 0xe0 && b0 <= 0xef) {
    const low = b0 === 0xe0 ? 0xa0 : 0x80;
    const high = b0 === 0xed ? 0x9f : 0xbf;
    return cont(i + 1, low, high) && cont(i + 2) ? 3 : 0;
  }
  if (b0 >= 0xf0 && b0 <= 0xf4) {
    const low = b0 === 0xf0 ? 0x90 : 0x80;
    const high = b0 === 0xf4 ? 0x8f : 0xbf;
    return cont(i + 1, low, high) && cont(i + 2) && cont(i + 3) ? 4 : 0;
  }
  return 0;
}

/**
 * A file name as the file system holds it (bytes): its text when it is valid UTF-8, else
 * undefined. Node's own decoding would put U+FFFD in place of the bad bytes, a name that
 * names no file.
 */
export function decodeFileName(name: Uint8Array): string | undefined {
  try {
    return utf8.decode(name);
  } catch {
    return undefined;
  }
}

/**
 * A name that is not valid UTF-8, shown unambiguously: its valid parts as text, each bad byte
 * as \xHH and a backslash as \\ (so a name that really contains "\xFF" reads differently).
 */
export function escapeFileName(name: Uint8Array): string {
  let out = '';
  for (let i = 0; i < name.length; ) {
    const length = sequenceLength(name, i);
    if (length === 0) {
      out += `\\x${name[i]!.toString(16).toUpperCase().padStart(2, '0')}`;
      i++;
    } else {
      const text = utf8.decode(name.subarray(i, i + length));
      out += text === '\\' ? '\\\\' : text;
      i += length;
    }
  }
  return out;
}
