import type * as MonacoApi from 'monaco-editor/editor';
import { toLineColumn, type Diagnostic } from '../../core/diagnostics.ts';
import type { ShownAnalysis } from '../state/analysis.svelte.ts';
import type { Monaco } from './load-monaco.ts';
import { uriOf, type ModelSync } from './models.ts';

/** Marker owner of analysis diagnostics, apart from monaco-yaml's own. */
export const MARKER_OWNER = 'flexos';

/** Monaco range of a span, computed on the text the diagnostic was made for. */
export function rangeOf(
  monaco: Monaco,
  text: string,
  start: number,
  end: number,
): MonacoApi.IRange {
  const s = toLineColumn(text, start);
  const e = toLineColumn(text, end);
  return new monaco.Range(s.line, s.column, e.line, e.column);
}

function severityOf(monaco: Monaco, d: Diagnostic): MonacoApi.MarkerSeverity {
  if (d.severity === 'error') return monaco.MarkerSeverity.Error;
  if (d.severity === 'warning') return monaco.MarkerSeverity.Warning;
  return monaco.MarkerSeverity.Info;
}

/** Puts every diagnostic of the shown analysis on its file's model, in one place. */
export function showMarkers(
  monaco: Monaco,
  models: ModelSync,
  paths: readonly string[],
  shown: ShownAnalysis | null,
): void {
  for (const path of paths) {
    const model = models.get(path);
    if (!model) continue;
    const text = shown?.analysed.files[path] ?? model.getValue();
    const list = (shown?.result.diagnostics ?? []).filter((d) => d.span.file === path);
    monaco.editor.setModelMarkers(
      model,
      MARKER_OWNER,
      list.map((d) => ({
        ...rangeOf(monaco, text, d.span.start, d.span.end),
        severity: severityOf(monaco, d),
        message: d.message,
        code: d.code,
        source: 'flexos',
        relatedInformation: (d.related ?? []).map((r) => {
          const rt = shown?.analysed.files[r.span.file] ?? '';
          const range = rangeOf(monaco, rt, r.span.start, r.span.end);
          return { resource: uriOf(monaco, r.span.file), message: r.message, ...range };
        }),
      })),
    );
  }
}
