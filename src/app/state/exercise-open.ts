import { EXERCISE_FILE, exerciseKey, type Workspace } from '../../core/pipeline/index.ts';
import { analysis } from './analysis.svelte.ts';
import { saver } from './autosave.svelte.ts';
import { lesson } from './exercise.svelte.ts';
import { progress } from './lesson-progress.svelte.ts';
import { errorText, notices } from './notices.svelte.ts';
import { findExerciseCopy, loadPlayground, setLastOpened } from './storage.ts';
import { workspace } from './workspace.svelte.ts';

/** Whether a workspace is an exercise (it has `exercise.yaml`). */
export function isExercise(ws: Workspace): boolean {
  return EXERCISE_FILE in ws.files;
}

/**
 * Opens an exercise from a link or an example. The playground takes the exercise's title. If
 * this browser already holds a copy of the same exercise (same starting files), that copy is
 * opened and the student is offered to start over instead; a fresh copy never replaces it
 * silently, and opening the link again never adds a second entry to "My playgrounds".
 */
export async function openExercise(
  ws: Workspace,
  from: { kind: 'link' } | { kind: 'example'; slug: string },
  fallbackTitle: string,
): Promise<void> {
  const key = exerciseKey(ws.files);
  const title =
    (await analysis.exerciseTitle(ws.files[EXERCISE_FILE] ?? '').catch(() => null)) ??
    fallbackTitle;
  let saved;
  try {
    saved = await findExerciseCopy(key);
  } catch (e) {
    notices.push('warning', `Saved playgrounds are unavailable: ${errorText(e)}`);
  }
  const fresh = (id: string | null) => {
    workspace.load({ files: ws.files, settings: { ...ws.settings, panel: 'lesson' } }, title, id);
    progress.value = { key, role: 'student', hints: 0, ticks: {}, start: { ...ws.files } };
    // A link is saved at once, as any opened link; an example waits for the first edit.
    if (id !== null || from.kind === 'link') void saver.saveNow();
    else saver.reset();
  };
  if (saved) {
    const copy = await loadPlayground(saved.id).catch(() => null);
    if (copy?.status === 'ok') {
      workspace.load(copy.workspace, copy.title, copy.id);
      progress.value = copy.progress;
      saver.reset();
      void setLastOpened({ kind: 'playground', id: copy.id }).catch(() => {});
      const id = copy.id;
      lesson.offer = { id, title: copy.title, updated: saved.updated, fresh: () => fresh(id) };
      return;
    }
  }
  fresh(null);
  if (from.kind === 'example')
    void setLastOpened({ kind: 'example', slug: from.slug }).catch(() => {});
}
