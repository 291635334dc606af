/**
 * Which overlay is open (command list, "My playgrounds", the welcome), requests to the file
 * tree, and what the live region last said.
 */
class Ui {
  palette = $state(false);
  playgrounds = $state(false);
  /** Asks the file tree to open its input for a new file or library. */
  treeRequest = $state<'file' | 'library' | null>(null);
  /** The last thing said to screen readers in the page's live region (App.svelte). */
  announcement = $state('');
  /** Whether the first-visit welcome is open. */
  welcome = $state(false);

  /** Says `text` in the live region; the same text twice is said twice. */
  announce(text: string): void {
    // A changed text is what a live region reads; clearing first repeats an identical one.
    this.announcement = '';
    queueMicrotask(() => (this.announcement = text));
  }
}

export const ui = new Ui();
