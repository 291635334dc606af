import type { WireDiagnostic as Diagnostic } from '../../runner/api/schemas.ts';
import type { ShownAnalysis } from '../state/analysis.svelte.ts';
import type { Monaco } from './load-monaco.ts';
import { rangeOf } from './markers.ts';
import type { ModelSync } from './models.ts';

/** Marker owner (and source) of what the last run reported, apart from the live analysis. */
export const RUN_MARKER_OWNER = 'flexos run';

/** The last finished run's diagnostics and the file texts their spans point into. */
export interface RunMarkerSource {
  files: Readonly<Record<string, string>>;
  diagnostics: readonly Diagnostic[];
}

/**
 * Puts the last run's diagnostics (compiler errors, configuration errors) on the models of
 * `paths` under an owner of their own. A file's markers go when the next run starts
 * (`source` null) or its text is no longer the text that ran; one the live analysis already
 * shows at the same spot is left to it.
 */
export function showRunMarkers(
  monaco: Monaco,
  models: ModelSync,
  paths: readonly string[],
  source: RunMarkerSource | null,
  live: ShownAnalysis | null,
): void {
  // Grouped first, so a file's text is read only when it has something to show.
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of source?.diagnostics ?? []) {
    const ran = source?.files[d.span.file];
    if (ran === undefined || shownLive(d, ran, live)) continue;
    byFile.set(d.span.file, [...(byFile.get(d.span.file) ?? []), d]);
  }
  for (const path of paths) {
    const model = models.get(path);
    if (!model) continue;
    const ran = source?.files[path] ?? '';
    const found = byFile.get(path) ?? [];
    if (
      found.length === 0 &&
      monaco.editor.getModelMarkers({ owner: RUN_MARKER_OWNER, resource: model.uri }).length === 0
    )
      continue;
    const list = found.length > 0 && model.getValue() === ran ? found : [];
    monaco.editor.setModelMarkers(
      model,
      RUN_MARKER_OWNER,
      list.map((d) => ({
        ...rangeOf(monaco, ran, d.span.start, d.span.end),
        severity:
          d.severity === 'error'
            ? monaco.MarkerSeverity.Error
            : d.severity === 'warning'
              ? monaco.MarkerSeverity.Warning
              : monaco.MarkerSeverity.Info,
        message: d.message,
        code: d.code,
        source: RUN_MARKER_OWNER,
      })),
    );
  }
}

/** The live analysis of the same text has the same finding at the same spot. */
function shownLive(d: Diagnostic, text: string, live: ShownAnalysis | null): boolean {
  if (!live || live.analysed.files[d.span.file] !== text) return false;
  return live.result.diagnostics.some(
    (l) =>
      l.code === d.code &&
      l.message === d.message &&
      l.span.file === d.span.file &&
      l.span.start === d.span.start &&
      l.span.end === d.span.end,
  );
}
