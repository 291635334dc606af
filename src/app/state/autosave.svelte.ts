import { progress } from './lesson-progress.svelte.ts';
import { errorText, notices } from './notices.svelte.ts';
import { newPlaygroundId, savePlayground } from './storage.ts';
import { workspace } from './workspace.svelte.ts';

/** Quiet time after an edit before writing to IndexedDB. */
const DELAY_MS = 400;

/**
 * Saves the workspace to IndexedDB as you type. The first change of an example or a link
 * makes it a playground of its own (a new id); a failed write is shown and retried on the
 * next change, so nothing is lost silently.
 */
class Saver {
  state = $state<'clean' | 'pending' | 'saving' | 'saved' | 'failed'>('clean');
  text = $derived(
    {
      clean: '',
      pending: 'Unsaved changes',
      saving: 'Saving…',
      saved: 'Saved in this browser',
      failed: 'Not saved',
    }[this.state],
  );
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastError: string | null = null;

  /** A change happened; save after a pause. */
  schedule(): void {
    this.state = 'pending';
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.saveNow(), DELAY_MS);
  }

  /** Saves at once (Ctrl/Cmd+S). Resolves to whether it worked. */
  async saveNow(): Promise<boolean> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    workspace.id ??= newPlaygroundId();
    this.state = 'saving';
    try {
      await savePlayground(
        workspace.id,
        workspace.title,
        workspace.snapshot(),
        progress.snapshot(),
      );
      this.state = 'saved';
      this.lastError = null;
      return true;
    } catch (e) {
      this.state = 'failed';
      const text = `Could not save in this browser: ${errorText(e)}. Download a .zip to keep your work.`;
      if (text !== this.lastError) notices.push('error', text);
      this.lastError = text;
      return false;
    }
  }

  /** After loading something that is already saved (or needs no saving). */
  reset(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.state = 'clean';
  }
}

export const saver = new Saver();
