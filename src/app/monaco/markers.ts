import type * as MonacoApi from 'monaco-editor/editor';
import { toLineColumn, type Diagnostic } from '../../core/diagnostics.ts';
import type { ShownAnalysis } from '../state/analysis.svelte.ts';
import type { GateFindings } from '../state/insert-gates.svelte.ts';
import type { Monaco } from './load-monaco.ts';
import { uriOf, type ModelSync } from './models.ts';

/** Marker owner (and source) of analysis diagnostics, apart from monaco-yaml's own. */
export const MARKER_OWNER = 'flexos';
/** Marker owner (and source) of what "Insert gates" proposes, apart from the live analysis. */
export const GATE_MARKER_OWNER = 'flexos insert-gates';

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
    const textOf = (file: string) => shown?.analysed.files[file] ?? '';
    monaco.editor.setModelMarkers(
      model,
      MARKER_OWNER,
      toMarkers(monaco, MARKER_OWNER, text, list, textOf),
    );
  }
}

/**
 * Puts what "Insert gates" proposes on the models of `paths`, under an owner of its own; a
 * file's markers are cleared when it has no findings or its text is no longer theirs.
 */
export function showGateMarkers(
  monaco: Monaco,
  models: ModelSync,
  paths: readonly string[],
  findings: readonly GateFindings[],
): void {
  for (const path of paths) {
    const model = models.get(path);
    if (!model) continue;
    const f = findings.find((x) => x.path === path);
    // Most files never had any: leave them alone rather than clear them on every keystroke.
    if (
      !f &&
      monaco.editor.getModelMarkers({ owner: GATE_MARKER_OWNER, resource: model.uri }).length === 0
    )
      continue;
    const list = f && model.getValue() === f.text ? f.diagnostics : [];
    const textOf = (file: string) => (file === path ? (f?.text ?? '') : '');
    monaco.editor.setModelMarkers(
      model,
      GATE_MARKER_OWNER,
      toMarkers(monaco, GATE_MARKER_OWNER, f?.text ?? '', list, textOf),
    );
  }
}

function toMarkers(
  monaco: Monaco,
  source: string,
  text: string,
  list: readonly Diagnostic[],
  textOf: (file: string) => string,
): MonacoApi.editor.IMarkerData[] {
  return list.map((d) => ({
    ...rangeOf(monaco, text, d.span.start, d.span.end),
    severity: severityOf(monaco, d),
    message: d.message,
    code: d.code,
    source,
    relatedInformation: (d.related ?? []).map((r) => {
      const range = rangeOf(monaco, textOf(r.span.file), r.span.start, r.span.end);
      return { resource: uriOf(monaco, r.span.file), message: r.message, ...range };
    }),
  }));
}
