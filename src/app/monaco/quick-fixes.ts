import type * as MonacoApi from 'monaco-editor/editor';
import { toLineColumn, type Diagnostic, type Fix } from '../../core/diagnostics.ts';
import { analysis } from '../state/analysis.svelte.ts';
import { applyFix } from '../state/fixes.ts';
import { insertGates } from '../state/insert-gates.svelte.ts';
import type { Monaco } from './load-monaco.ts';
import { GATE_MARKER_OWNER, MARKER_OWNER } from './markers.ts';
import { pathOf } from './models.ts';

const COMMAND = 'flexos.applyFix';
const GATE_COMMAND = 'flexos.applyGateFix';
const LANGUAGES = ['yaml', 'flexos', 'c', 'markdown', 'plaintext'];

/**
 * Offers each fix of a diagnostic as a quick fix (lightbulb, Ctrl+.): those of the shown analysis
 * and those "Insert gates" proposed. Fixes may edit other files than the one with the marker
 * (move a library: `config.yaml`), so they run as a command that goes through the workspace
 * store rather than as an edit of this model.
 */
export function registerQuickFixes(monaco: Monaco): void {
  monaco.editor.registerCommand(COMMAND, (_accessor: unknown, fix: Fix) => {
    applyFix(fix);
  });
  monaco.editor.registerCommand(GATE_COMMAND, (_accessor: unknown, path: string, fix: Fix) => {
    insertGates.applyFix(path, fix);
  });
  for (const language of LANGUAGES) {
    monaco.languages.registerCodeActionProvider(language, {
      provideCodeActions(model, _range, context) {
        const path = pathOf(model);
        if (path === undefined) return { actions: [], dispose() {} };
        const shown = analysis.shown;
        const gates = insertGates.of(path);
        const actions: MonacoApi.languages.CodeAction[] = [];
        // "Insert gates" first: where it proposes what the analysis does too, its fix is the
        // one kept (it edits the text its proposal is about).
        const markers = [...context.markers].sort(
          (a, b) => Number(b.source === GATE_MARKER_OWNER) - Number(a.source === GATE_MARKER_OWNER),
        );
        for (const marker of markers) {
          const d =
            marker.source === MARKER_OWNER && shown
              ? find(shown.result.diagnostics, shown.analysed.files[path] ?? '', path, marker)
              : marker.source === GATE_MARKER_OWNER && gates
                ? find(gates.diagnostics, gates.text, path, marker)
                : undefined;
          (d?.fixes ?? []).forEach((fix, i) => {
            // The live analysis and "Insert gates" may propose the same whitelist: once.
            if (actions.some((a) => a.title === fix.title)) return;
            actions.push({
              title: fix.title,
              kind: 'quickfix',
              diagnostics: [marker],
              isPreferred: i === 0,
              command:
                marker.source === GATE_MARKER_OWNER
                  ? { id: GATE_COMMAND, title: fix.title, arguments: [path, fix] }
                  : { id: COMMAND, title: fix.title, arguments: [fix] },
            });
          });
        }
        return { actions, dispose() {} };
      },
    });
  }
}

/** The diagnostic a marker was made from: same file, code, message and start. */
function find(
  list: readonly Diagnostic[],
  text: string,
  path: string,
  marker: MonacoApi.editor.IMarkerData,
): Diagnostic | undefined {
  const code = typeof marker.code === 'string' ? marker.code : marker.code?.value;
  return list.find((x) => {
    if (x.span.file !== path || x.code !== code || x.message !== marker.message) return false;
    const s = toLineColumn(text, x.span.start);
    return s.line === marker.startLineNumber && s.column === marker.startColumn;
  });
}
