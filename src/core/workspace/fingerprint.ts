/**
 * A short fingerprint of a set of files: the same paths and texts give the same 16 hex digits
 * in every browser and in Node. Two 32-bit FNV-1a hashes (different offsets) over the sorted
 * paths and texts; not cryptographic, only to tell versions of a workspace apart (an
 * exercise's starting state, the sources a measurement was made with).
 */
export function fingerprintFiles(files: Readonly<Record<string, string>>): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  const feed = (s: string) => {
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
    }
    a = Math.imul(a ^ 0, 0x01000193);
    b = Math.imul(b ^ 0xff, 0x01000193);
  };
  for (const path of Object.keys(files).sort()) {
    feed(path);
    feed(files[path] ?? '');
  }
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
  return `${hex(a)}${hex(b)}`;
}
