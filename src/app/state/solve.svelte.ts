import type { WorkspaceSolution } from '../../core/pipeline/index.ts';
import { analysis } from './analysis.svelte.ts';
import { errorText, notices } from './notices.svelte.ts';
import { workspace } from './workspace.svelte.ts';

/** A solution with the workspace revision and config text it was computed from. */
export interface ShownSolution {
  solution: WorkspaceSolution;
  revision: number;
  /** The config file's text when solved: the left side of the diff, and what Apply checks. */
  before: string;
}

/**
 * "Solve": asks the analysis worker for the fewest compartments that separate every conflict
 * and shows it in a dialog, which re-solves while it is open and the files change. Applying
 * edits the config file through the workspace, so it is one step of the editor's undo.
 */
class SolveUi {
  open = $state(false);
  busy = $state(false);
  shown = $state.raw<ShownSolution | null>(null);
  failure = $state<string | null>(null);
  /** The workspace revision of the newest request, answered or not (failed ones too). */
  requested = $state(-1);
  /** Bumped per request; an answer for an older one is dropped. */
  private latest = 0;

  /** Opens the dialog and solves the workspace as it is now. */
  start(): void {
    this.open = true;
    this.shown = null;
    void this.run();
  }

  close(): void {
    this.open = false;
  }

  async run(): Promise<void> {
    const id = ++this.latest;
    const revision = workspace.revision;
    const ws = workspace.snapshot();
    this.requested = revision;
    this.busy = true;
    try {
      const solution = await analysis.solve(ws);
      if (id !== this.latest) return;
      const before = solution.status === 'ok' ? (ws.files[solution.configFile] ?? '') : '';
      this.shown = { solution, revision, before };
      this.failure = null;
    } catch (e) {
      if (id === this.latest) this.failure = `Solving failed: ${errorText(e)}`;
    } finally {
      if (id === this.latest) this.busy = false;
    }
  }

  /** True when the shown solution was computed from the files as they are now. */
  get current(): boolean {
    return this.shown?.revision === workspace.revision;
  }

  /**
   * Writes the proposal into the config file (one edit, one undo step) and closes the dialog.
   * Returns where the change starts, for the caller to show it with the editor focused once
   * the modal dialog is gone (focus cannot move out of it while it is open).
   */
  apply(): { file: string; line: number } | null {
    const shown = this.shown;
    if (shown?.solution.status !== 'ok' || shown.solution.edits.length === 0) return null;
    const { configFile, edits } = shown.solution;
    if (workspace.files[configFile] !== shown.before) {
      notices.push('warning', `${configFile} changed since it was solved; solve again.`);
      void this.run();
      return null;
    }
    workspace.applyEdits(edits);
    this.open = false;
    notices.push('info', `Applied the proposal to ${configFile}; Ctrl+Z in the editor undoes it.`);
    return {
      file: configFile,
      line: firstChangedLine(shown.before, workspace.files[configFile] ?? ''),
    };
  }
}

function firstChangedLine(before: string, after: string): number {
  let i = 0;
  while (i < before.length && i < after.length && before[i] === after[i]) i++;
  return before.slice(0, i).split('\n').length;
}

export const solveUi = new SolveUi();
