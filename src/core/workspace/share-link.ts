import { checkShareExtras, type ShareExtras } from './share-extras.ts';
import type { Workspace } from './workspace.ts';
import {
  toWorkspace,
  WORKSPACE_LIMITS,
  WORKSPACE_VERSION,
  type WorkspaceProblem,
} from './workspace-schema.ts';

/**
 * The pure half of share links: `#v<N>/<base64url>` fragments and the JSON payload inside.
 * Compression (deflate-raw) needs the host's `CompressionStream`, so the app does it between
 * `toSharePayload` and `encodeBase64Url`; this file stays free of platform globals.
 */

/** Which step of reading a link failed; `workspace/*` codes come from the shape check. */
export type ShareLinkProblem =
  | 'share/not-a-link'
  | 'share/bad-encoding'
  | 'share/bad-compression'
  | 'share/bad-json'
  | 'share/too-large';

/**
 * The most bytes a link's payload may decompress to. Four bytes per character of the
 * workspace's own limit leaves room for UTF-8 and JSON escapes; past it, decompressing stops
 * and the link is "too large", so a small link that inflates without end cannot freeze the tab.
 */
export const SHARE_LIMITS = { maxPayloadBytes: 4 * WORKSPACE_LIMITS.maxTotalChars };

/** A payload brought up to date and checked: the workspace and its extras, or why not. */
export type SharePayloadCheck =
  | { status: 'ok'; workspace: Workspace; migratedFrom?: number; extras?: ShareExtras }
  | { status: 'invalid'; code: WorkspaceProblem | ShareLinkProblem; reason: string };

export type ShareFragment =
  | { status: 'none' }
  | { status: 'ok'; version: number; data: string }
  | { status: 'invalid'; code: ShareLinkProblem; reason: string };

const FRAGMENT = /^#?v(\d{1,4})\/([A-Za-z0-9_-]*)$/;

/** Splits a location hash; an empty hash or one that is no share link at all is `none`. */
export function parseShareFragment(hash: string): ShareFragment {
  if (hash === '' || hash === '#') return { status: 'none' };
  if (!/^#?v\d/.test(hash)) return { status: 'none' };
  const m = FRAGMENT.exec(hash);
  if (!m?.[1] || m[2] === undefined || m[2].length === 0) {
    return { status: 'invalid', code: 'share/not-a-link', reason: 'the link is cut or malformed' };
  }
  return { status: 'ok', version: Number(m[1]), data: m[2] };
}

/** `#v1/…` for the current version. */
export function formatShareFragment(data: string, version: number = WORKSPACE_VERSION): string {
  return `#v${version}/${data}`;
}

/**
 * The JSON written into a link or a short-link snapshot: files, view settings and, when there
 * are any, the extras (Explore settings, exercise state). Nothing else of the workspace.
 */
export function toSharePayload(ws: Workspace, extras?: ShareExtras): string {
  const payload: Record<string, unknown> = { files: ws.files, settings: ws.settings };
  const checked = checkShareExtras(extras);
  if (checked) payload['extras'] = checked;
  return JSON.stringify(payload);
}

/** Reads the JSON of a link of `version`, migrating and checking it; never throws. */
export function fromSharePayload(version: number, json: string): SharePayloadCheck {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return { status: 'invalid', code: 'share/bad-json', reason: 'the link data is damaged' };
  }
  return readSharePayload(version, raw);
}

/**
 * Checks an already parsed payload of `version` (a short link's snapshot arrives parsed):
 * the workspace through the one check of `toWorkspace`, the extras kept where understood.
 */
export function readSharePayload(version: number, raw: unknown): SharePayloadCheck {
  const checked = toWorkspace(version, raw);
  if (checked.status !== 'ok') return checked;
  const extras =
    typeof raw === 'object' && raw !== null && 'extras' in raw
      ? checkShareExtras(raw.extras)
      : undefined;
  return extras ? { ...checked, extras } : checked;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const LOOKUP = new Map([...ALPHABET].map((c, i) => [c, i]));

/** base64url without padding (RFC 4648 §5), safe in a URL fragment. */
export function encodeBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] ?? 0;
    const b = bytes[i + 1] ?? 0;
    const c = bytes[i + 2] ?? 0;
    const n = (a << 16) | (b << 8) | c;
    const chars = i + 2 < bytes.length ? 4 : i + 1 < bytes.length ? 3 : 2;
    for (let k = 0; k < chars; k++) out += ALPHABET[(n >> (18 - 6 * k)) & 63];
  }
  return out;
}

/** Inverse of `encodeBase64Url`; `null` for characters or lengths base64url cannot have. */
export function decodeBase64Url(text: string): Uint8Array | null {
  if (text.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    let n = 0;
    const chunk = text.slice(i, i + 4);
    for (let k = 0; k < 4; k++) {
      const ch = chunk[k];
      const v = ch === undefined ? 0 : LOOKUP.get(ch);
      if (v === undefined) return null;
      n |= v << (18 - 6 * k);
    }
    const bytes = chunk.length - 1;
    for (let k = 0; k < bytes; k++) out[o++] = (n >> (16 - 8 * k)) & 255;
  }
  return out;
}
