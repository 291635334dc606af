import { describe, expect, it } from 'vitest';
import {
  isShortId,
  SHORT_ID_ALPHABET,
  SHORT_ID_CHARS,
  shortIdOfPath,
  shortLinkPath,
  toShortId,
} from './short-id.ts';

/** A 32-byte digest from a seed, standing in for SHA-256 output. */
function digest(seed: number): Uint8Array {
  return Uint8Array.from({ length: 32 }, (_, i) => (seed * 131 + i * 29 + ((seed * i) % 7)) % 256);
}

describe('short ids', () => {
  it('are base58 without the characters read wrong off a screen', () => {
    expect(SHORT_ID_ALPHABET).toHaveLength(58);
    expect(SHORT_ID_ALPHABET).not.toMatch(/[0OIl]/);
    for (let s = 0; s < 50; s++) {
      const id = toShortId(digest(s));
      expect(id).toHaveLength(SHORT_ID_CHARS);
      expect(isShortId(id)).toBe(true);
    }
  });

  it('are the base58 digits of the digest, least significant first', () => {
    // 58 = 1·58 + 0: digits 0, 1 → "1", "2"; then zeros.
    expect(toShortId(Uint8Array.of(58), 3)).toBe('121');
    expect(toShortId(Uint8Array.of(0, 57), 2)).toBe('z1');
    expect(toShortId(Uint8Array.of(1, 0), 2)).toBe('R5'); // 256 = 4·58 + 24: R is digit 24
  });

  it('differ for different digests and are stable for one', () => {
    const ids = new Set(Array.from({ length: 200 }, (_, s) => toShortId(digest(s))));
    expect(ids.size).toBe(200);
    expect(toShortId(digest(7))).toBe(toShortId(digest(7)));
  });

  it('are checked for length and alphabet', () => {
    expect(isShortId('')).toBe(false);
    expect(isShortId('1'.repeat(SHORT_ID_CHARS + 1))).toBe(false);
    expect(isShortId('0'.repeat(SHORT_ID_CHARS))).toBe(false);
    expect(isShortId('abc/def%20ghij')).toBe(false);
    expect(isShortId('a', 1)).toBe(true);
  });

  it('are found in /s/<id> page paths only', () => {
    expect(shortLinkPath('abc')).toBe('/s/abc');
    expect(shortIdOfPath('/s/abc')).toBe('abc');
    expect(shortIdOfPath('/s/abc/')).toBe('abc');
    expect(shortIdOfPath('/s/a%20b')).toBe('a b');
    expect(shortIdOfPath('/s/%zz')).toBe('%zz');
    expect(shortIdOfPath('/')).toBeNull();
    expect(shortIdOfPath('/s/')).toBeNull();
    expect(shortIdOfPath('/s/a/b')).toBeNull();
    expect(shortIdOfPath('/x/s/abc')).toBeNull();
  });
});
