import type {
  ExploreRequest,
  WorkspaceExploration,
} from '../../core/workspace/explore-workspace.ts';
import type { Order } from '../../core/explore/index.ts';
import { analysis } from './analysis.svelte.ts';
import { errorText, notices } from './notices.svelte.ts';
import { workspace } from './workspace.svelte.ts';

/**
 * The explore panel's state: its settings (order, labels, budget), the newest exploration
 * (older answers are dropped, like analyses) and the selected configuration.
 */
class ExploreState {
  order = $state<Order>('flexos');
  labels = $state<ExploreRequest['labels']>('estimate');
  /** Imported CSV text and its file name, for `labels: 'csv'`. */
  csv = $state<{ name: string; text: string } | null>(null);
  /** Lowest acceptable performance; `null`: no budget. */
  budget = $state<number | null>(null);
  ignoreRequires = $state(false);
  result = $state.raw<WorkspaceExploration | null>(null);
  running = $state(false);
  failure = $state<string | null>(null);
  selected = $state<string | null>(null);
  private asked = 0;

  request(): ExploreRequest {
    return {
      order: this.order,
      labels: this.labels === 'csv' && !this.csv ? 'none' : this.labels,
      ...(this.csv && this.labels === 'csv' ? { csv: this.csv.text } : {}),
      ...(this.budget !== null && this.labels !== 'none' ? { budget: `>=${this.budget}` } : {}),
      ...(this.ignoreRequires ? { ignoreRequires: true } : {}),
    };
  }

  /** Explores the current workspace; only the newest call's answer is kept. */
  async run(): Promise<void> {
    const mine = ++this.asked;
    this.running = true;
    try {
      const r = await analysis.explore(workspace.snapshot(), this.request());
      if (mine !== this.asked) return;
      this.result = r;
      this.failure = null;
    } catch (e) {
      if (mine === this.asked) this.failure = `The exploration failed: ${errorText(e)}`;
    } finally {
      if (mine === this.asked) this.running = false;
    }
  }

  /** Writes the selected configuration into config.yaml (undoable in the editor). */
  async loadSelected(): Promise<void> {
    const id = this.selected;
    if (!id) return;
    try {
      const r = await analysis.configFor(workspace.snapshot(), id);
      if ('error' in r) {
        notices.push('error', `Cannot load ${id}: ${r.error}`);
        return;
      }
      workspace.setText('config.yaml', r.text);
      notices.push('info', `Loaded ${id} into config.yaml; Ctrl+Z in the editor undoes it.`);
    } catch (e) {
      notices.push('error', `Cannot load ${id}: ${errorText(e)}`);
    }
  }
}

export const explore = new ExploreState();
