/**
 * Latency bookkeeping for the "keystroke → updated panels" budget. An edit records when it
 * happened; each panel reports when it showed a revision at or past it. End-to-end tests read
 * `window.__flexosPerf` and print the medians.
 */
export type PerfPanel = 'problems' | 'graph' | 'gated';

interface EditTiming {
  revision: number;
  at: number;
  shown: Partial<Record<PerfPanel, number>>;
}

const edits: EditTiming[] = [];
const MAX = 200;

/** A keystroke changed the workspace to `revision`. */
export function markEdit(revision: number): void {
  edits.push({ revision, at: performance.now(), shown: {} });
  if (edits.length > MAX) edits.shift();
}

/** `panel` now shows the analysis of `revision`: every edit up to it is done for that panel. */
export function markShown(panel: PerfPanel, revision: number): void {
  const now = performance.now();
  for (const e of edits)
    if (e.revision <= revision && e.shown[panel] === undefined) e.shown[panel] = now;
  performance.mark(`flexos:${panel}-shown`, { detail: revision });
}

declare global {
  interface Window {
    __flexosPerf?: { edits: EditTiming[] };
  }
}

if (typeof window !== 'undefined') window.__flexosPerf = { edits };
