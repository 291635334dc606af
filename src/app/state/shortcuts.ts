import { saver } from './autosave.svelte.ts';
import { notices } from './notices.svelte.ts';
import { startRun } from './run.svelte.ts';
import { solveUi } from './solve.svelte.ts';
import { ui } from './ui.svelte.ts';

/**
 * Page-wide shortcuts, handled in the capture phase so they work inside Monaco too (which
 * would otherwise take Ctrl+K as the start of a chord): Ctrl/Cmd+S saves, Ctrl/Cmd+K opens
 * the command list, Ctrl/Cmd+Shift+S solves (Monaco binds nothing to it), Ctrl/Cmd+Enter
 * runs the program (Monaco's "insert line below" gives way to it).
 */
export function handleShortcut(e: KeyboardEvent): void {
  const mod = e.ctrlKey || e.metaKey;
  if (!mod || e.altKey) return;
  const key = e.key.toLowerCase();
  if (key === 'enter' && !e.shiftKey) {
    e.preventDefault();
    e.stopPropagation();
    startRun();
  } else if (e.shiftKey) {
    if (key !== 's') return;
    e.preventDefault();
    e.stopPropagation();
    solveUi.start();
  } else if (key === 's') {
    e.preventDefault();
    e.stopPropagation();
    void saver.saveNow().then((ok) => ok && notices.push('info', 'Saved in this browser.', 2000));
  } else if (key === 'k') {
    e.preventDefault();
    e.stopPropagation();
    ui.palette = !ui.palette;
  }
}
