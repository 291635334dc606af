import { workspace } from './workspace.svelte.ts';

/**
 * The two libraries of the last run's separation fault, for the compartment graph: the one
 * that touched memory and the one that owns it. It belongs to the workspace it was found in
 * and is cleared by the next run.
 */
class FaultHighlight {
  private value = $state.raw<{ actor: string; owner: string; loads: number } | null>(null);

  /** The libraries to highlight in the workspace shown now, if any. */
  get current(): { actor: string; owner: string } | null {
    return this.value && this.value.loads === workspace.loads ? this.value : null;
  }

  show(actor: string, owner: string): void {
    this.value = { actor, owner, loads: workspace.loads };
  }

  clear(): void {
    this.value = null;
  }
}

export const faultHighlight = new FaultHighlight();
