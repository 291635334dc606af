import { decodeBase64Url, encodeBase64Url } from '../workspace/share-link.ts';

/**
 * The teacher's solution, kept in `exercise.yaml` as `solution:`: the files that differ from the
 * exercise's start, as JSON, UTF-8, base64url. Encoded so that a student does not read it by
 * accident in the file tree; it is not hidden from anyone who decodes it (docs/formats.md).
 */
export function encodeSolution(files: Readonly<Record<string, string>>): string {
  return encodeBase64Url(utf8(JSON.stringify({ files })));
}

/** The files of an encoded solution, or `null` when the text is not one. */
export function decodeSolution(text: string): Record<string, string> | null {
  const bytes = decodeBase64Url(text.replace(/\s+/g, ''));
  if (!bytes) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(fromUtf8(bytes));
  } catch {
    return null;
  }
  if (typeof raw !== 'object' || raw === null || !('files' in raw)) return null;
  const files = (raw as { files: unknown }).files;
  if (typeof files !== 'object' || files === null || Array.isArray(files)) return null;
  const out: Record<string, string> = {};
  for (const [path, text] of Object.entries(files)) {
    if (typeof text !== 'string') return null;
    out[path] = text;
  }
  return out;
}

/** UTF-8 bytes of a string (lone surrogates become U+FFFD, as `TextEncoder` does). */
function utf8(s: string): Uint8Array {
  const out: number[] = [];
  for (const ch of s) {
    let c = ch.codePointAt(0) ?? 0xfffd;
    if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else
      out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return Uint8Array.from(out);
}

/** The string of UTF-8 bytes; throws on malformed input (the caller treats it as no solution). */
function fromUtf8(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i] ?? 0;
    const n = b < 0x80 ? 1 : b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 0;
    if (n === 0 || i + n > bytes.length) throw new Error('bad UTF-8');
    let c = n === 1 ? b : b & (0xff >> (n + 1));
    for (let k = 1; k < n; k++) {
      const next = bytes[i + k] ?? 0;
      if ((next & 0xc0) !== 0x80) throw new Error('bad UTF-8');
      c = (c << 6) | (next & 63);
    }
    out += String.fromCodePoint(c);
    i += n;
  }
  return out;
}
