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

/** An exploration in the explore worker, from request to answer (`end` unset while running). */
interface ExploreTiming {
  start: number;
  end?: number;
  /** The newest progress line the core sent. */
  progress?: string;
}

const edits: EditTiming[] = [];
const explorations: ExploreTiming[] = [];
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

/**
 * An exploration started; the returned functions record its progress lines and its end
 * (answered, superseded or cancelled). Lets a test type while the explore worker is busy.
 */
export function markExplore(): { progress: (line: string) => void; end: () => void } {
  const timing: ExploreTiming = { start: performance.now() };
  explorations.push(timing);
  if (explorations.length > MAX) explorations.shift();
  return {
    progress: (line) => (timing.progress = line),
    end: () => (timing.end ??= performance.now()),
  };
}

declare global {
  interface Window {
    __flexosPerf?: { edits: EditTiming[]; explorations: ExploreTiming[] };
  }
}

if (typeof window !== 'undefined') window.__flexosPerf = { edits, explorations };
