/**
 * A key naming an exercise's starting state: the same files give the same key in every browser,
 * so opening the same exercise link twice finds the student's saved copy instead of making a
 * second one. Two 32-bit FNV-1a hashes (different offsets) over the sorted paths and texts; not
 * cryptographic, only to tell exercises apart.
 */
export function exerciseKey(files: Readonly<Record<string, string>>): string {
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
  return `ex-${hex(a)}${hex(b)}`;
}
