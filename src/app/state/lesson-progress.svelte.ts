import { registerExerciseShare } from './share-extras.ts';
/**
 * What a learner did in one playground, apart from its files: hints shown, the lesson's steps
 * ticked, and, for an exercise, its starting files and who is editing it. Plain JSON, saved with
 * the playground (`storage.ts`). `travelling` is the part worth carrying in a share link's
 * extras (`extras.exercise`): the start is the link's own files, the role the opener's.
 */
export interface LessonProgress {
  /** `exerciseKey` of the exercise's starting files; set only for an exercise. */
  key?: string;
  /** A student sees read-only files as read-only; the teacher who made it does not. */
  role: 'student' | 'teacher';
  /** How many hints are shown. */
  hints: number;
  /** Ticked steps (their number in document order) per Markdown file. */
  ticks: Record<string, number[]>;
  /** The files the exercise started with, for "Reset this file" and "Start over". */
  start?: Record<string, string>;
}

export function freshProgress(): LessonProgress {
  return { role: 'student', hints: 0, ticks: {} };
}

/** Reads a saved progress, tolerating anything (an older record, a hand-edited one). */
export function toProgress(raw: unknown): LessonProgress {
  const p = freshProgress();
  if (typeof raw !== 'object' || raw === null) return p;
  const r = raw as Record<string, unknown>;
  if (typeof r.key === 'string') p.key = r.key;
  if (r.role === 'teacher') p.role = 'teacher';
  if (typeof r.hints === 'number' && Number.isInteger(r.hints) && r.hints >= 0) p.hints = r.hints;
  if (typeof r.ticks === 'object' && r.ticks !== null)
    for (const [path, list] of Object.entries(r.ticks))
      if (Array.isArray(list)) p.ticks[path] = list.filter((n) => Number.isInteger(n));
  if (typeof r.start === 'object' && r.start !== null) {
    const files = Object.entries(r.start).filter(([, t]) => typeof t === 'string');
    p.start = Object.fromEntries(files) as Record<string, string>;
  }
  return p;
}

/** What of a progress a share link may carry: never the start or the role. */
export function travelling(p: LessonProgress): { hints: number; ticks: Record<string, number[]> } {
  return { hints: p.hints, ticks: p.ticks };
}

class ProgressStore {
  value = $state<LessonProgress>(freshProgress());

  snapshot(): LessonProgress {
    return $state.snapshot(this.value) as LessonProgress;
  }
}

/** The progress of the playground being edited. */
export const progress = new ProgressStore();

/**
 * Share links carry the hints shown and the steps ticked (`extras.exercise`); opening one adds
 * them to what the opened playground has (never fewer hints, never an untick).
 */
registerExerciseShare({
  save() {
    const t = travelling(progress.snapshot());
    return t.hints > 0 || Object.keys(t.ticks).length > 0 ? t : undefined;
  },
  restore(state) {
    const got = toProgress(state);
    const p = progress.value;
    p.hints = Math.max(p.hints, got.hints);
    for (const [path, list] of Object.entries(got.ticks))
      p.ticks[path] = [...new Set([...(p.ticks[path] ?? []), ...list])].sort((a, b) => a - b);
  },
});
