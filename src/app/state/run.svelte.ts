import type { Mechanism, SharingMode } from '../../core/model.ts';
import type { RunnerClient, RunnerError } from '../../runner/api/client.ts';
import type {
  JobRequest,
  TargetDescription,
  TargetsResponse,
  WireDiagnostic,
} from '../../runner/api/schemas.ts';
import { splitWords } from '../lib/shell-words.ts';
import { analysis } from './analysis.svelte.ts';
import { faultHighlight } from './fault-highlight.svelte.ts';
import { RunJob } from './run-job.svelte.ts';
import { runnerSettings } from './runner-settings.svelte.ts';
import { workspace } from './workspace.svelte.ts';

/** Whether a runner answers at the configured address, and what it can do. */
export type Connection =
  | { state: 'unknown' }
  | { state: 'checking' }
  | { state: 'ok'; targets: TargetsResponse }
  | { state: 'down'; message: string };

/** How long the health check and the targets may take before the runner counts as absent. */
const CONNECT_TIMEOUT_MS = 8000;

/**
 * The Run panel's state: the connection to the runner, the choices of target, mechanism,
 * sharing and arguments, and the job being followed (or the last one). The mechanism and
 * sharing are the image's (from the shown analysis) until the user picks another; a pick holds
 * for the workspace it was made in.
 */
class RunStore {
  connection = $state.raw<Connection>({ state: 'unknown' });
  private targetPick = $state<string | null>(null);
  private mechanismPick = $state.raw<{ loads: number; value: Mechanism } | null>(null);
  private sharingPick = $state.raw<{ loads: number; value: SharingMode } | null>(null);
  argsText = $state('');
  job = $state.raw<RunJob | null>(null);
  private connectSeq = 0;

  targets = $derived<TargetDescription[]>(
    this.connection.state === 'ok' ? this.connection.targets.targets : [],
  );
  limits = $derived(this.connection.state === 'ok' ? this.connection.targets.limits : null);
  target = $derived<TargetDescription | null>(
    this.targets.find((t) => t.id === this.targetPick) ??
      this.targets.find((t) => t.available) ??
      this.targets[0] ??
      null,
  );
  imageMechanism = $derived<Mechanism | null>(analysis.shown?.result.graph?.mechanism ?? null);
  imageSharing = $derived<SharingMode | null>(analysis.shown?.result.config?.sharing ?? null);
  mechanism = $derived<Mechanism | null>(
    this.mechanismPick && this.mechanismPick.loads === workspace.loads
      ? this.mechanismPick.value
      : this.imageMechanism,
  );
  sharing = $derived<SharingMode | null>(
    this.sharingPick && this.sharingPick.loads === workspace.loads
      ? this.sharingPick.value
      : this.imageSharing,
  );
  args = $derived(splitWords(this.argsText));
  busy = $derived(this.job?.active ?? false);

  /** Why Run cannot start now, in words; null when it can (or the runner is not known yet). */
  blocked = $derived.by((): string | null => {
    if (!this.args.ok) return `The arguments cannot be read: ${this.args.error}.`;
    if (this.connection.state !== 'ok') return null;
    const t = this.target;
    if (!t) return 'The runner offers no target.';
    if (!t.available) return `${t.label} cannot run here: ${t.reason ?? 'unavailable'}.`;
    const m = t.mechanisms.find((x) => x.mechanism === this.mechanism);
    if (this.mechanism && !m) return `${t.label} does not know the mechanism ${this.mechanism}.`;
    if (m && !m.enforced)
      return `${t.label} cannot run ${m.label} (${m.mechanism}): ${m.reason ?? 'not supported'}. Choose another mechanism.`;
    return null;
  });

  /** Diagnostics of the last finished run, with the texts their spans point into. */
  markerSource = $derived.by(
    (): { files: Readonly<Record<string, string>>; diagnostics: WireDiagnostic[] } | null => {
      const result = this.job?.result;
      return this.job && result ? { files: this.job.files, diagnostics: result.diagnostics } : null;
    },
  );

  pickTarget(id: string): void {
    this.targetPick = id;
  }

  pickMechanism(value: Mechanism): void {
    this.mechanismPick = { loads: workspace.loads, value };
  }

  pickSharing(value: SharingMode): void {
    this.sharingPick = { loads: workspace.loads, value };
  }

  /**
   * A client for the configured address. Loaded on first use: the client and its schema
   * checks are needed only once the Run panel is, not before the editor.
   */
  async client(): Promise<RunnerClient> {
    const { createRunnerClient } = await import('../../runner/api/client.ts');
    return createRunnerClient({ baseUrl: runnerSettings.url, token: runnerSettings.token });
  }

  /** Asks the runner for its health and targets; true when it answered as a runner. */
  async connect(): Promise<boolean> {
    const seq = ++this.connectSeq;
    this.connection = { state: 'checking' };
    try {
      const client = await this.client();
      await client.health(AbortSignal.timeout(CONNECT_TIMEOUT_MS));
      const targets = await client.targets(AbortSignal.timeout(CONNECT_TIMEOUT_MS));
      if (seq !== this.connectSeq) return false;
      this.connection = { state: 'ok', targets };
      return true;
    } catch (e) {
      if (seq === this.connectSeq) this.connection = { state: 'down', message: failureText(e) };
      return false;
    }
  }

  /** Builds and runs the workspace as it is now, following the job to its end. */
  async run(): Promise<void> {
    if (this.busy) return;
    if (this.connection.state !== 'ok' && !(await this.connect())) return;
    const target = this.target;
    if (this.blocked || !target || !this.args.ok || this.busy) return;
    const request: JobRequest = {
      files: workspace.snapshot().files,
      target: target.id,
      args: this.args.words,
    };
    if (this.mechanism && this.mechanism !== this.imageMechanism)
      request.mechanism = this.mechanism;
    if (this.sharing && this.sharing !== this.imageSharing) request.sharing = this.sharing;
    const job = new RunJob(request.files, {
      target: target.id,
      mechanism: request.mechanism ?? null,
      sharing: request.sharing ?? null,
      args: this.args.words,
    });
    faultHighlight.clear();
    this.job = job;
    const signal = job.controller.signal;
    try {
      const client = await this.client();
      const { id } = await client.submit(request, signal);
      job.accepted(id);
      const result = await client.follow(id, { signal, onEvent: (e) => job.apply(e) });
      job.finish(result);
      const fault = job.fault;
      if (fault && this.job === job) faultHighlight.show(fault.library, fault.ownerLibrary);
    } catch (e) {
      if (signal.aborted) return;
      if (isRunnerError(e) && e.failure.kind === 'unreachable')
        this.connection = { state: 'down', message: failureText(e) };
      job.fail(failureText(e));
    }
  }

  /** Stops following the job; the runner has no cancel, so it finishes there unseen. */
  stop(): void {
    this.job?.stop();
  }
}

/** A failure as one sentence for the panel. */
export function failureText(e: unknown): string {
  if (isRunnerError(e)) {
    const f = e.failure;
    if (f.kind === 'http') {
      const retry = f.retryAfterS !== undefined ? ` Try again in ${f.retryAfterS} s.` : '';
      return `The runner refused: ${f.message} (${f.code}, HTTP ${f.status}).${retry}`;
    }
    return `${f.message.charAt(0).toUpperCase()}${f.message.slice(1)}.`;
  }
  return e instanceof Error ? e.message || e.name : String(e);
}

/** A `RunnerError` of the client, told without loading the client's module. */
function isRunnerError(e: unknown): e is RunnerError {
  return e instanceof Error && e.name === 'RunnerError' && 'failure' in e;
}

export const runs = new RunStore();

/** Ctrl/Cmd+Enter and the command list: shows the Run panel and starts a run. */
export function startRun(): void {
  workspace.settings.panel = 'run';
  void runs.run();
}
