import {
  decodeBase64Url,
  encodeBase64Url,
  formatShareFragment,
  fromSharePayload,
  parseShareFragment,
  SHARE_LIMITS,
  toSharePayload,
  type ShareExtras,
  type Workspace,
} from '../../core/pipeline/index.ts';

/** Links longer than this may be cut by chat programs and some browsers. */
export const LONG_LINK_CHARS = 8000;

/**
 * Share links: the workspace as JSON, deflate-raw compressed by the browser's
 * `CompressionStream`, base64url-encoded after `#v1/`. The fragment never reaches a server.
 * `extras` (the Explore settings, an exercise's state) ride along when given.
 */
export async function createShareLink(
  ws: Workspace,
  extras?: ShareExtras,
  base = location.href,
): Promise<string> {
  const bytes = new TextEncoder().encode(toSharePayload(ws, extras));
  const packed = await pack(bytes);
  const url = new URL(base);
  url.hash = formatShareFragment(encodeBase64Url(packed));
  return url.toString();
}

export type OpenedLink =
  | { status: 'none' }
  | { status: 'ok'; workspace: Workspace; migratedFrom?: number; extras?: ShareExtras }
  | { status: 'invalid'; reason: string };

/** Reads a location hash; a damaged link says why and yields nothing to load. */
export async function readShareLink(hash: string): Promise<OpenedLink> {
  const fragment = parseShareFragment(hash);
  if (fragment.status !== 'ok')
    return fragment.status === 'none' ? fragment : invalid(fragment.reason);
  const bytes = decodeBase64Url(fragment.data);
  if (!bytes) return invalid('it contains characters a share link cannot have');
  let json: string;
  try {
    const raw = await unpack(bytes, SHARE_LIMITS.maxPayloadBytes);
    if (raw === 'too-large')
      return invalid(
        `its data is too large: over ${SHARE_LIMITS.maxPayloadBytes / 1e6} MB once unpacked`,
      );
    json = new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    return invalid('its data is cut short or damaged (was the whole link copied?)');
  }
  const checked = fromSharePayload(fragment.version, json);
  if (checked.status !== 'ok') return invalid(checked.reason);
  return checked;
}

function invalid(reason: string): OpenedLink {
  return { status: 'invalid', reason: `This share link cannot be opened: ${reason}.` };
}

async function pack(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart])
    .stream()
    .pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/**
 * Decompresses at most `limit` bytes: a link of a few kilobytes can inflate to gigabytes, so
 * reading stops at the limit instead of freezing the tab. Throws on damaged data.
 */
async function unpack(bytes: Uint8Array, limit: number): Promise<Uint8Array | 'too-large'> {
  const reader = new Blob([bytes as BlobPart])
    .stream()
    .pipeThrough(new DecompressionStream('deflate-raw'))
    .getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      return 'too-large';
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
