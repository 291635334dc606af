import { strToU8, unzipSync, zipSync } from 'fflate';
import { toWorkspace, WORKSPACE_VERSION, type Workspace } from '../../core/pipeline/index.ts';

/**
 * Workspaces as .zip files: the files as a plain directory (usable by the CLI and the real
 * toolchain) plus a small manifest with the format version, title and view settings.
 */
const MANIFEST = '.flexos-playground.json';

export function toZip(ws: Workspace, title: string): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  for (const [path, text] of Object.entries(ws.files)) entries[path] = strToU8(text);
  entries[MANIFEST] = strToU8(
    JSON.stringify({ version: WORKSPACE_VERSION, title, settings: ws.settings }),
  );
  return zipSync(entries, { level: 6 });
}

export type UnzippedWorkspace =
  { status: 'ok'; workspace: Workspace; title: string } | { status: 'invalid'; reason: string };

/** Reads a zip made by `toZip` or by hand (one top folder is stripped); never throws. */
export function fromZip(bytes: Uint8Array, fallbackTitle: string): UnzippedWorkspace {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch {
    return { status: 'invalid', reason: 'it is not a readable .zip file' };
  }
  const names = Object.keys(entries).filter(
    (n) => !n.endsWith('/') && !/(^|\/)(__MACOSX|\.DS_Store)/.test(n),
  );
  const top = commonTopFolder(names);
  const files: Record<string, string> = {};
  let manifest: { version?: unknown; title?: unknown; settings?: unknown } = {};
  for (const name of names) {
    const path = name.slice(top.length);
    const data = entries[name] ?? new Uint8Array();
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(data);
    } catch {
      return { status: 'invalid', reason: `${path} is not a text file` };
    }
    if (path === MANIFEST) {
      try {
        manifest = JSON.parse(text) as typeof manifest;
      } catch {
        return { status: 'invalid', reason: 'its playground manifest is damaged' };
      }
    } else files[path] = text;
  }
  const version = typeof manifest.version === 'number' ? manifest.version : WORKSPACE_VERSION;
  const checked = toWorkspace(version, { files, settings: manifest.settings ?? {} });
  if (checked.status !== 'ok') return { status: 'invalid', reason: checked.reason };
  const title =
    typeof manifest.title === 'string' && manifest.title ? manifest.title : fallbackTitle;
  return { status: 'ok', workspace: checked.workspace, title };
}

function commonTopFolder(names: readonly string[]): string {
  const first = names[0]?.split('/')[0];
  if (first === undefined || names.some((n) => !n.startsWith(`${first}/`))) return '';
  return `${first}/`;
}

/** Lets the browser save bytes as a file. */
export function downloadBytes(bytes: Uint8Array, filename: string, type = 'application/zip'): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
