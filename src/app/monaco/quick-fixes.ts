import type * as MonacoApi from 'monaco-editor/editor';
import { toLineColumn, type Fix } from '../../core/diagnostics.ts';
import { analysis } from '../state/analysis.svelte.ts';
import { applyFix } from '../state/fixes.ts';
import type { Monaco } from './load-monaco.ts';
import { MARKER_OWNER } from './markers.ts';
import { pathOf } from './models.ts';

const COMMAND = 'flexos.applyFix';
const LANGUAGES = ['yaml', 'flexos', 'c', 'markdown', 'plaintext'];

/**
 * Offers each fix of a diagnostic as a quick fix (lightbulb, Ctrl+.). Fixes may edit other
 * files than the one with the marker (move a library: `config.yaml`), so they run as a command
 * that goes through the workspace store rather than as an edit of this model.
 */
export function registerQuickFixes(monaco: Monaco): void {
  monaco.editor.registerCommand(COMMAND, (_accessor: unknown, fix: Fix) => {
    applyFix(fix);
  });
  for (const language of LANGUAGES) {
    monaco.languages.registerCodeActionProvider(language, {
      provideCodeActions(model, _range, context) {
        const path = pathOf(model);
        const shown = analysis.shown;
        if (path === undefined || !shown) return { actions: [], dispose() {} };
        const text = shown.analysed.files[path] ?? '';
        const actions: MonacoApi.languages.CodeAction[] = [];
        for (const marker of context.markers) {
          if (marker.source !== MARKER_OWNER) continue;
          const code = typeof marker.code === 'string' ? marker.code : marker.code?.value;
          const d = shown.result.diagnostics.find((x) => {
            if (x.span.file !== path || x.code !== code || x.message !== marker.message)
              return false;
            const s = toLineColumn(text, x.span.start);
            return s.line === marker.startLineNumber && s.column === marker.startColumn;
          });
          (d?.fixes ?? []).forEach((fix, i) =>
            actions.push({
              title: fix.title,
              kind: 'quickfix',
              diagnostics: [marker],
              isPreferred: i === 0,
              command: { id: COMMAND, title: fix.title, arguments: [fix] },
            }),
          );
        }
        return { actions, dispose() {} };
      },
    });
  }
}
