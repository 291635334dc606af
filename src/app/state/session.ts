import { shortIdOfPath, type Workspace } from '../../core/pipeline/index.ts';
import { saver } from './autosave.svelte.ts';
import { EMPTY_WORKSPACE, examples } from './examples.svelte.ts';
import { isExercise, openExercise } from './exercise-open.ts';
import { freshProgress, progress } from './lesson-progress.svelte.ts';
import { errorText, notices } from './notices.svelte.ts';
import { readShareLink, type OpenedLink } from './share.ts';
import { restoreShareExtras } from './share-extras.ts';
import { getLastOpened, loadPlayground, setLastOpened } from './storage.ts';
import { workspace } from './workspace.svelte.ts';

/**
 * What is open, and how it got there: an example, a share link, a saved playground. Storage
 * failures are shown; the page still opens something usable.
 */

export function openExample(slug: string): void {
  const ex = examples.list.find((e) => e.slug === slug);
  if (!ex) {
    notices.push('error', `There is no example “${slug}”.`);
    return;
  }
  if (isExercise(ex.workspace)) {
    examples.current = slug;
    void openExercise(structuredClone(ex.workspace), { kind: 'example', slug }, ex.title);
    return;
  }
  workspace.load(structuredClone(ex.workspace), ex.title);
  progress.value = freshProgress();
  examples.current = slug;
  saver.reset();
  setLastOpened({ kind: 'example', slug }).catch((e: unknown) =>
    notices.push('warning', `This browser did not remember the example: ${errorText(e)}`),
  );
}

/** Opens a workspace that came from outside (link, zip) as a new playground, saved at once. */
export function openAsNew(ws: Workspace, title: string): void {
  workspace.load(ws, title, null);
  progress.value = freshProgress();
  examples.current = null;
  void saver.saveNow();
}

export async function openSaved(id: string): Promise<boolean> {
  try {
    const r = await loadPlayground(id);
    if (r.status === 'ok') {
      workspace.load(r.workspace, r.title, r.id);
      progress.value = r.progress;
      examples.current = null;
      saver.reset();
      await setLastOpened({ kind: 'playground', id });
      return true;
    }
    if (r.status === 'invalid')
      notices.push('error', `The saved playground cannot be opened: ${r.reason}.`);
    else notices.push('error', 'That playground is no longer saved in this browser.');
  } catch (e) {
    notices.push('error', `Could not read saved playgrounds: ${errorText(e)}`);
  }
  return false;
}

/** Opens the link in the address bar, else what was open last, else the default example. */
export async function startSession(): Promise<void> {
  // Fetched in parallel with the link or the saved playground; the picker needs it anyway.
  const loadingExamples = examples.load().catch((e: unknown) => {
    notices.push('error', `The examples could not be loaded: ${errorText(e)}`);
    return [];
  });
  if (await openLinkInAddress()) return;
  let last;
  try {
    last = await getLastOpened();
  } catch (e) {
    notices.push('error', `Saved playgrounds are unavailable: ${errorText(e)}`);
  }
  if (last?.kind === 'playground' && (await openSaved(last.id))) return;
  const list = await loadingExamples;
  if (last?.kind === 'example' && list.some((e) => e.slug === last.slug)) {
    openExample(last.slug);
    return;
  }
  const first = examples.default;
  if (first) openExample(first.slug);
  else workspace.load(structuredClone(EMPTY_WORKSPACE), 'Untitled');
}

/**
 * Opens a short link (`/s/<id>`, read from the runner that served the page) or a `#v1/` link
 * in the address bar; true when one was opened. Either way the address goes back to the
 * page's own, so later reloads restore the saved copy with its edits; a link that cannot be
 * opened says why.
 */
async function openLinkInAddress(): Promise<boolean> {
  const id = shortIdOfPath(location.pathname);
  if (id === null && location.hash.length <= 1) return false;
  let link: OpenedLink;
  if (id !== null) {
    const { readShortLink } = await import('./short-link.ts');
    link = await readShortLink(id);
  } else {
    link = await readShareLink(location.hash);
  }
  history.replaceState(null, '', (id === null ? location.pathname : '/') + location.search);
  if (link.status === 'ok') {
    if (isExercise(link.workspace))
      await openExercise(link.workspace, { kind: 'link' }, 'Shared exercise');
    else openAsNew(link.workspace, 'Shared playground');
    restoreShareExtras(link.extras);
    return true;
  }
  if (link.status === 'invalid') notices.push('error', link.reason);
  return false;
}
