import { analysis } from './analysis.svelte.ts';
import { errorText, notices } from './notices.svelte.ts';
import { workspace } from './workspace.svelte.ts';

interface MoveRecord {
  file: string;
  before: string;
  after: string;
  title: string;
}

/**
 * Library moves made in the compartment graph, with their own undo: each move edits the
 * config file (through the workspace, so Ctrl+Z in the editor undoes it too) and remembers the
 * text before, so "Undo move" works while the file is as the move left it.
 */
class GraphMoves {
  history = $state<MoveRecord[]>([]);
  busy = $state(false);
  /** The library selected in the graph (keyboard moves, highlighting). */
  selected = $state<string | null>(null);
  /** An edge to highlight, e.g. the one of a gate clicked in the gated C view. */
  highlight = $state<{ from: string; to: string } | null>(null);

  /** Moves `lib` into `target`, or into a new compartment when `target` is null. */
  async move(lib: string, target: string | null): Promise<void> {
    const file = analysis.shown?.result.configFile;
    if (!file || workspace.files[file] === undefined) {
      notices.push('warning', 'There is no config.yaml to change.');
      return;
    }
    const before = workspace.files[file];
    this.busy = true;
    try {
      const plan = await analysis.planMove(workspace.snapshot(), lib, target);
      if (!plan) return;
      if (workspace.files[file] !== before) {
        notices.push('warning', `${file} changed while the move was planned; drag again.`);
        return;
      }
      workspace.applyEdits(plan.edits);
      const after = workspace.files[file] ?? '';
      this.history = [...this.history, { file, before, after, title: plan.title }];
    } catch (e) {
      notices.push('error', `The move failed: ${errorText(e)}`);
    } finally {
      this.busy = false;
    }
  }

  /** Title of the move "Undo" would revert. */
  get last(): string | undefined {
    return this.history[this.history.length - 1]?.title;
  }

  undo(): void {
    const last = this.history[this.history.length - 1];
    if (!last) return;
    this.history = this.history.slice(0, -1);
    if (workspace.files[last.file] !== last.after) {
      notices.push(
        'warning',
        `${last.file} was edited after the move; undo it in the editor (Ctrl+Z).`,
      );
      this.history = [];
      return;
    }
    workspace.setText(last.file, last.before);
  }
}

export const graphMoves = new GraphMoves();
