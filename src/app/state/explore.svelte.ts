import type { ExploreRequest, Order, WorkspaceExploration } from '../../core/pipeline/index.ts';
import { markExplore } from '../lib/perf.ts';
import { analysis } from './analysis.svelte.ts';
import { testSetting } from '../lib/test-settings.ts';
import { ExploreClient, type Measure } from './explore-client.ts';
import { startExploreWorker } from './explore-worker.ts';
import { errorText, notices } from './notices.svelte.ts';
import { runs } from './run.svelte.ts';
import { RunnerLabels, type RunnerLabelStats } from './runner-labels.ts';
import { workspace } from './workspace.svelte.ts';

export type ExplorePhase = 'idle' | 'running' | 'cancelled';

/** How long a worker restart stays mentioned in the panel, at least. */
const NOTICE_MS = 10_000;
/** An exploration shows as running (progress, Cancel) only past this: quick ones do not flicker. */
const SHOW_RUNNING_MS = testSetting('exploreShowRunningMs', 200);

/**
 * The explore panel's state: its settings (order, labels, budget), the newest exploration
 * (an older one still running is superseded), its progress, and the selected configuration.
 * Explorations run in their own worker, so a long one never delays the analysis.
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
  /** Milliseconds from request to answer of `result`. */
  ms = $state<number | null>(null);
  phase = $state<ExplorePhase>('idle');
  /** The running exploration has taken long enough to show its progress and a Cancel button. */
  slow = $state(false);
  /** The newest progress line of the running exploration. */
  progress = $state<string | null>(null);
  failure = $state<string | null>(null);
  /** Why the worker was restarted; kept a while even if the next answer is good. */
  notice = $state<string | null>(null);
  selected = $state<string | null>(null);
  /** With runner labels: what the newest measuring exploration ran, as it goes. */
  measuring = $state<RunnerLabelStats | null>(null);
  private readonly runnerLabels = new RunnerLabels();
  /** Stops the runner job in flight when a measuring exploration ends early. */
  private measureStop: AbortController | null = null;
  private noticeAt = 0;
  /** The request a cancel stopped: edits do not explore again until the settings change. */
  private cancelledRequest: string | null = null;
  private readonly client = new ExploreClient(startExploreWorker, (text) => {
    this.notice = text;
    this.noticeAt = performance.now();
  });

  get running(): boolean {
    return this.phase === 'running';
  }

  request(): ExploreRequest {
    return {
      order: this.order,
      labels: this.labels === 'csv' && !this.csv ? 'none' : this.labels,
      // Runs are what labels cost here: only the frontier's are asked for.
      ...(this.labels === 'runner' ? { lazy: true } : {}),
      ...(this.csv && this.labels === 'csv' ? { csv: this.csv.text } : {}),
      ...(this.budget !== null && this.labels !== 'none' ? { budget: `>=${this.budget}` } : {}),
      ...(this.ignoreRequires ? { ignoreRequires: true } : {}),
    };
  }

  /**
   * The workspace or a setting changed: explore again, unless the user cancelled and only the
   * files changed since (re-running a cancelled exploration on every keystroke would undo it).
   */
  refresh(): void {
    if (this.phase === 'cancelled' && JSON.stringify(this.request()) === this.cancelledRequest)
      return;
    // Measuring runs programs: only when asked (Measure), never on an edit.
    if (this.labels === 'runner') return;
    void this.run();
  }

  /** Explores the current workspace, superseding an exploration still running. */
  async run(): Promise<void> {
    const request = this.request();
    this.measureStop?.abort();
    this.measureStop = null;
    const ws = workspace.snapshot();
    let measure: Measure | undefined;
    if (request.labels === 'runner') {
      if (runs.connection.state !== 'ok' && !(await runs.connect())) {
        this.failure = `Measuring needs a runner: ${runs.connection.state === 'down' ? runs.connection.message : 'none answers'} (the Run panel says how to start one).`;
        return;
      }
      const stats: RunnerLabelStats = $state({ runs: 0, cached: 0, failures: [], target: null });
      this.measuring = stats;
      this.measureStop = new AbortController();
      measure = this.runnerLabels.measureFor(
        ws.files,
        await runs.client(),
        stats,
        this.measureStop.signal,
      );
    }
    this.phase = 'running';
    this.progress = null;
    this.cancelledRequest = null;
    const timing = markExplore();
    const slowTimer = setTimeout(() => (this.slow = this.running), SHOW_RUNNING_MS);
    const outcome = await this.client.explore(
      ws,
      request,
      (line) => {
        this.progress = line;
        timing.progress(line);
      },
      measure,
    );
    timing.end();
    clearTimeout(slowTimer);
    // A superseded run leaves the state to the newer one; cancel() has set it already.
    if (outcome.status === 'superseded' || outcome.status === 'cancelled') return;
    if (outcome.status === 'done') {
      this.result = outcome.exploration;
      this.ms = outcome.ms;
      this.failure = null;
      if (performance.now() - this.noticeAt > NOTICE_MS) this.notice = null;
    } else {
      this.failure = `The exploration failed: ${outcome.message}`;
    }
    this.phase = 'idle';
    this.progress = null;
    this.slow = false;
  }

  /** Stops the running exploration at once (its worker is terminated). */
  cancel(): void {
    const request = JSON.stringify(this.request());
    this.measureStop?.abort();
    if (!this.client.cancel()) return;
    this.phase = 'cancelled';
    this.progress = null;
    this.slow = false;
    this.cancelledRequest = request;
  }

  /** Writes the selected configuration into config.yaml (undoable in the editor). */
  async loadSelected(): Promise<void> {
    const id = this.selected;
    if (!id) return;
    try {
      const r = await this.client.configFor(workspace.snapshot(), id);
      if ('error' in r) {
        notices.push('error', `Cannot load ${id}: ${r.error}`);
        return;
      }
      workspace.setText(r.file, r.text);
      notices.push(
        'info',
        `Loaded ${id} into ${r.file}${r.kept ? ', comments kept' : ' (written anew: its layout could not be edited in place)'}; Ctrl+Z in the editor undoes it.`,
      );
    } catch (e) {
      notices.push('error', `Cannot load ${id}: ${errorText(e)}`);
    }
  }

  /** Writes a space.yaml made from the image config, for a workspace without one. */
  async createSpace(): Promise<void> {
    try {
      const r = await analysis.spaceYaml(workspace.snapshot());
      if ('error' in r) {
        notices.push('error', `Cannot make a space.yaml: ${r.error}.`);
        return;
      }
      const failed = workspace.addFile('space.yaml', r.text);
      if (failed) notices.push('error', failed);
      // Estimates need a workload.yaml; without one, explore the orders without labels.
      else if (this.labels === 'estimate' && workspace.files['workload.yaml'] === undefined)
        this.labels = 'none';
    } catch (e) {
      notices.push('error', `Cannot make a space.yaml: ${errorText(e)}`);
    }
  }

  /** The explore worker's test hooks; null unless it is the test-only entry. */
  testHooks(): ReturnType<typeof startExploreWorker>['hooks'] {
    return this.client.currentWorker().hooks;
  }
}

export const explore = new ExploreState();
