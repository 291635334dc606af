import { toLineColumn } from '../../core/diagnostics.ts';
import { portFile, type CParser, type Workspace } from '../../core/pipeline/index.ts';
import type { Fault } from '../api/schemas.ts';

/**
 * The local a stack fault most likely hit: the porting analysis (what "Insert gates" reports
 * in the editor) lists every local whose address crosses a gate without being shared; in the
 * files of the libraries owning the stack, exactly one such local is the suspect. Several or
 * none: no suspect (the fault still says whose stack it was).
 */
export function stackSuspect(
  ws: Workspace,
  parser: CParser,
  ownerLibraries: readonly string[],
): Fault['suspect'] | undefined {
  const found: NonNullable<Fault['suspect']>[] = [];
  for (const path of Object.keys(ws.files).sort()) {
    const lib = /^libs\/([^/]+)\/[^/]+\.c$/.exec(path)?.[1];
    if (!lib || !ownerLibraries.includes(lib)) continue;
    const ported = portFile(ws, parser, { path });
    if (ported.status !== 'ok') continue;
    for (const d of ported.diagnostics) {
      if (d.code !== 'rewrite/address-crosses-gate') continue;
      const fix = d.fixes?.[0];
      const declared = d.related?.[0]?.span;
      const variable = /'([^']+)'/.exec(fix?.title ?? '')?.[1];
      if (!fix || !declared || !variable) continue;
      const line = toLineColumn(ws.files[declared.file] ?? '', declared.start).line;
      if (!found.some((s) => s.variable === variable && s.file === declared.file))
        found.push({ variable, file: declared.file, line, fix });
    }
  }
  return found.length === 1 ? found[0] : undefined;
}
