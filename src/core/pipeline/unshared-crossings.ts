import type { Diagnostic } from '../diagnostics.ts';
import { ownersFromSources, port, type CParser } from '../rewrite/index.ts';
import { libraryOfPath, type Workspace } from '../workspace/workspace.ts';

/** Files larger than this are left to "Insert gates": a second parse on every keystroke. */
const MAX_FILE_CHARS = 200_000;

/**
 * Forgotten sharing, found before anything runs: for every gate already in the C, the porting
 * analysis (`port`, what "Insert gates" does) reports a local or global whose address crosses
 * it without being shared (`rewrite/address-crosses-gate`, with the whitelist as its fix). A
 * run would fault on exactly that access under a separating mechanism.
 */
export function unsharedCrossings(ws: Workspace, parser: CParser): Diagnostic[] {
  const out: Diagnostic[] = [];
  const files = Object.entries(ws.files).filter(
    ([path, text]) =>
      /\.c$/.test(path) &&
      libraryOfPath(path) !== undefined &&
      text.length <= MAX_FILE_CHARS &&
      text.includes('flexos_gate'),
  );
  if (files.length === 0) return out;
  // Signatures tell which arguments are pointers; each file's are remembered by its text.
  const sources = Object.entries(ws.files).flatMap(([path, text]) => {
    const lib = libraryOfPath(path);
    return lib !== undefined && /\.[ch]$/.test(path) && text.length <= MAX_FILE_CHARS
      ? [{ lib, file: path.slice(path.lastIndexOf('/') + 1), text }]
      : [];
  });
  const { signatures } = ownersFromSources(parser, sources);
  for (const [path, text] of files) {
    const lib = libraryOfPath(path) ?? '';
    const r = port(parser, path, text, { lib, owners: new Map(), signatures });
    out.push(...r.diagnostics.filter((d) => d.code === 'rewrite/address-crosses-gate'));
  }
  return out;
}
