/**
 * Ids of short links (`/s/<id>`): a content hash written in base58, the alphabet without
 * `0 O I l`, so an id read off a projector is typed right. The hash itself comes from the host
 * (the runner hashes with SHA-256); this file only turns its bytes into an id and checks ids.
 */

/** Base58 as Bitcoin writes it: digits and letters without 0, O, I and l. */
export const SHORT_ID_ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

/**
 * Characters of an id. 14 base58 characters are 82 bits of the hash: half a chance of any
 * two snapshots sharing an id only after about 2^41 of them, and the runner still checks
 * every id it hands out against what is stored under it. With the default origin a short link
 * is `http://127.0.0.1:4173/s/` plus these 14 characters: 38.
 */
export const SHORT_ID_CHARS = 14;

const BASE = BigInt(SHORT_ID_ALPHABET.length);

/**
 * The first `chars` base58 digits of `digest` read as one big-endian number, least
 * significant first (those are uniform whatever the digest's length). `digest` must hold
 * more bits than the id: SHA-256's 32 bytes hold 43 base58 digits.
 */
export function toShortId(digest: Uint8Array, chars: number = SHORT_ID_CHARS): string {
  let n = 0n;
  for (const byte of digest) n = (n << 8n) | BigInt(byte);
  let id = '';
  for (let i = 0; i < chars; i++) {
    id += SHORT_ID_ALPHABET[Number(n % BASE)];
    n /= BASE;
  }
  return id;
}

/** Whether `text` can be an id of `chars` characters (a malformed one is never looked up). */
export function isShortId(text: string, chars: number = SHORT_ID_CHARS): boolean {
  if (text.length !== chars) return false;
  for (const c of text) if (!SHORT_ID_ALPHABET.includes(c)) return false;
  return true;
}

/** The path of a short link: `/s/<id>`. */
export function shortLinkPath(id: string): string {
  return `/s/${id}`;
}

/**
 * The id in a page path `/s/<id>` (one trailing slash allowed), as typed: checking it is the
 * runner's job, which knows its id length and answers a malformed id with a message. Null for
 * any other path.
 */
export function shortIdOfPath(pathname: string): string | null {
  const m = /^\/s\/([^/]+)\/?$/.exec(pathname);
  if (!m?.[1]) return null;
  try {
    return decodeURIComponent(m[1]);
  } catch {
    return m[1];
  }
}
