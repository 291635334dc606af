import {
  applyRunFacts,
  decodeSolution,
  EXERCISE_FILE,
  isReadOnlyPath,
  type CheckResult,
  type Exercise,
  type RunFacts,
} from '../../core/pipeline/index.ts';
import { analysis } from './analysis.svelte.ts';
import { saver } from './autosave.svelte.ts';
import { progress } from './lesson-progress.svelte.ts';
import { notices } from './notices.svelte.ts';
import type { RunJob } from './run-job.svelte.ts';
import { runs } from './run.svelte.ts';
import { workspace } from './workspace.svelte.ts';

/**
 * The lesson of the open playground: its exercise (from the live analysis, which evaluates
 * `exercise.yaml` in the worker) with the checklist completed by the last run, its README's
 * ticks, the hints shown, and the student's ways back: reset a file, start over.
 */
class Lesson {
  /** The analysis's evaluation, while the workspace still has an `exercise.yaml`. */
  evaluation = $derived(
    EXERCISE_FILE in workspace.files ? (analysis.shown?.exercise ?? null) : null,
  );
  exercise = $derived<Exercise | null>(this.evaluation?.exercise ?? null);
  run = $derived<RunFacts | null>(runFactsOf(runs.job, workspace.files));
  results = $derived<CheckResult[]>(
    this.evaluation ? applyRunFacts(this.evaluation, this.run) : [],
  );
  passed = $derived(this.results.filter((r) => r.status === 'pass').length);
  isTeacher = $derived(progress.value.role === 'teacher');
  /** "Make an exercise" is open. */
  making = $state(false);
  /** A saved copy of the exercise just opened, offered instead of a fresh one. */
  offer = $state.raw<{ id: string; title: string; updated: number; fresh: () => void } | null>(
    null,
  );

  /** Whether the student may not type into `path` (the teacher may). */
  isReadOnly(path: string | undefined): boolean {
    const ex = this.exercise;
    return path !== undefined && ex !== null && !this.isTeacher && isReadOnlyPath(ex, path);
  }

  ticksOf(path: string): readonly number[] {
    return progress.value.ticks[path] ?? [];
  }

  tick(path: string, step: number, on: boolean): void {
    const rest = (progress.value.ticks[path] ?? []).filter((n) => n !== step);
    progress.value.ticks[path] = (on ? [...rest, step] : rest).sort((a, b) => a - b);
    saver.schedule();
  }

  showHint(): void {
    const total = this.exercise?.hints.length ?? 0;
    if (progress.value.hints >= total) return;
    progress.value.hints++;
    saver.schedule();
  }

  /** The starting text of `path`, when the exercise's start is known and has the file. */
  startText(path: string | undefined): string | undefined {
    return path === undefined ? undefined : progress.value.start?.[path];
  }

  /** Puts one file back as the exercise started (undoable in the editor like any edit). */
  resetFile(path: string): void {
    const text = this.startText(path);
    if (text === undefined) return;
    workspace.setText(path, text);
    notices.push('info', `${path} is back as the exercise started.`, 3000);
  }

  /** Every file back as the exercise started; hints and ticks start again too. */
  startOver(): void {
    const start = progress.value.start;
    if (!start) return;
    const ws = workspace.snapshot();
    workspace.load(
      { files: { ...start }, settings: { ...ws.settings, panel: 'lesson' } },
      workspace.title,
      workspace.id,
    );
    progress.value = { ...progress.value, hints: 0, ticks: {} };
    void saver.saveNow();
  }

  /** The teacher's solution, applied over the files (teacher view only). */
  loadSolution(): void {
    const files = decodeSolution(this.exercise?.solution ?? '');
    if (!files || !this.isTeacher) return;
    for (const [path, text] of Object.entries(files)) {
      if (path in workspace.files) workspace.setText(path, text);
      else workspace.addFile(path, text);
    }
  }

  /** Switches between the student's and the teacher's view of this playground. */
  setRole(role: 'student' | 'teacher'): void {
    progress.value.role = role;
    saver.schedule();
  }
}

/** What the last finished run showed, and whether it ran the files as they are now. */
function runFactsOf(job: RunJob | null, files: Record<string, string>): RunFacts | null {
  const result = job?.result;
  if (!job || !result) return null;
  // A continued line (one too long to keep whole) joins the one before it.
  const output = job.output.lines
    .map((l) => (l.cont ? '' : '\n') + l.segments.map((s) => s.text).join(''))
    .join('');
  const same =
    Object.keys(files).length === Object.keys(job.files).length &&
    Object.entries(files).every(([p, t]) => job.files[p] === t);
  return { status: result.status, output, args: job.asked.args, current: same };
}

export const lesson = new Lesson();
