import {
  decodeBase64Url,
  encodeBase64Url,
  formatShareFragment,
  fromSharePayload,
  parseShareFragment,
  toSharePayload,
  type Workspace,
} from '../../core/pipeline/index.ts';

/** Links longer than this may be cut by chat programs and some browsers. */
export const LONG_LINK_CHARS = 8000;

/**
 * Share links: the workspace as JSON, deflate-raw compressed by the browser's
 * `CompressionStream`, base64url-encoded after `#v1/`. The fragment never reaches a server.
 */
export async function createShareLink(ws: Workspace, base = location.href): Promise<string> {
  const bytes = new TextEncoder().encode(toSharePayload(ws));
  const packed = await pipe(bytes, new CompressionStream('deflate-raw'));
  const url = new URL(base);
  url.hash = formatShareFragment(encodeBase64Url(packed));
  return url.toString();
}

export type OpenedLink =
  | { status: 'none' }
  | { status: 'ok'; workspace: Workspace; migratedFrom?: number }
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
    const raw = await pipe(bytes, new DecompressionStream('deflate-raw'));
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

async function pipe(
  bytes: Uint8Array,
  transform: CompressionStream | DecompressionStream,
): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(transform);
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
