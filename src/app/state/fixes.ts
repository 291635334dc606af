import type { Fix } from '../../core/diagnostics.ts';
import { analysis } from './analysis.svelte.ts';
import { notices } from './notices.svelte.ts';
import { workspace } from './workspace.svelte.ts';

/**
 * Applies a fix of the shown analysis. Its offsets are valid for the text that was analysed,
 * so a fix is refused (with a message) when one of its files changed since; the next analysis,
 * milliseconds later, offers it again at the right place.
 */
export function applyFix(fix: Fix): boolean {
  const analysed = analysis.shown?.analysed.files ?? {};
  const stale = fix.edits.find((e) => analysed[e.file] !== workspace.files[e.file]);
  if (stale) {
    notices.push('warning', `${stale.file} changed since it was checked; try the fix again.`);
    return false;
  }
  workspace.applyEdits(fix.edits);
  const first = fix.edits[0]?.file;
  if (first) workspace.open(first);
  return true;
}
