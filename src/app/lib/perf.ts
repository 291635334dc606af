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
/** When the last key went down: an edit is timed from its keystroke, not from Monaco's event. */
let lastKeyAt = -Infinity;

if (typeof window !== 'undefined') {
  window.addEventListener('keydown', () => (lastKeyAt = performance.now()), { capture: true });
}

/** A keystroke changed the workspace to `revision`. */
export function markEdit(revision: number): void {
  const now = performance.now();
  edits.push({ revision, at: now - lastKeyAt < 100 ? lastKeyAt : now, shown: {} });
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
