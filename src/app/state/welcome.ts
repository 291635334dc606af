import { ui } from './ui.svelte.ts';

/** Set once the welcome was dismissed; kept in this browser like the theme. */
const KEY = 'flexos-welcome-dismissed';

/** Opens the welcome unless this browser dismissed it before. */
export function showWelcomeOnFirstVisit(): void {
  let seen = false;
  try {
    seen = localStorage.getItem(KEY) !== null;
  } catch {
    // Storage refused (private mode): the welcome shows, and dismissing it works for the visit.
  }
  ui.welcome = !seen;
}

/** Closes the welcome and remembers it, so the next visit starts without it. */
export function dismissWelcome(): void {
  ui.welcome = false;
  try {
    localStorage.setItem(KEY, String(Date.now()));
  } catch {
    // Not remembered; it closes for this visit all the same.
  }
}
