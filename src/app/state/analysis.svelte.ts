import { wrap, type Remote } from 'comlink';
import AnalysisWorker from '../../../workers/analysis.worker.ts?worker';
import AnalysisDebugWorker from '../../../workers/analysis-debug.worker.ts?worker';
import type { AnalysisAnswer, AnalysisApi } from '../../../workers/analysis-api.ts';
import type { TestHooks } from '../../../workers/test-hooks.ts';
import type { Mechanism } from '../../core/model.ts';
import type {
  AnalysisResult,
  ExerciseEvaluation,
  GatedVariant,
  GatedVariantView,
  LibraryMove,
  MechanismSwitch,
  PortRequest,
  PortedFile,
  Workspace,
  WorkspaceBuild,
  WorkspaceSolution,
} from '../../core/pipeline/index.ts';
import { testHooksWanted, testSetting } from '../lib/test-settings.ts';

/** The newest analysis shown, with the exact files it was computed from (for line numbers). */
export interface ShownAnalysis {
  revision: number;
  result: AnalysisResult;
  analysed: Workspace;
  ms: number;
  /** Why there is no gated C (the C parser failed to load), if so. */
  parserError?: string;
  /** The exercise's checklist, when the workspace has an `exercise.yaml`. */
  exercise?: ExerciseEvaluation;
}

interface Request {
  revision: number;
  ws: Workspace;
  /** How many workers were given this request already. */
  attempts: number;
}

export type AnalysisPhase = 'starting' | 'idle' | 'waiting' | 'running' | 'restarting';

/** Quiet time after a keystroke before analysing; short, the pipeline takes milliseconds. */
const DEBOUNCE_MS = 30;
/** How long a restart stays mentioned in the status line, at least. */
const NOTICE_MS = 10_000;
/** An analysis running longer than this is a runaway: the worker is replaced. */
const TIMEOUT_MS = testSetting('analysisTimeoutMs', 8000);

/**
 * Runs the pipeline in a worker: debounced, one request in flight, the newest pending one
 * sent next, answers for anything older than the newest request dropped. A worker that
 * crashes or overruns is replaced and `notice` says so (for at least `NOTICE_MS`).
 */
export class AnalysisClient {
  shown = $state.raw<ShownAnalysis | null>(null);
  /**
   * The newest shown analysis of a config read whole (no `configErrors`), since the last load:
   * the graph, gated C and explore panels draw it, dimmed, rather than a half-read image.
   */
  trusted = $state.raw<ShownAnalysis | null>(null);
  phase = $state<AnalysisPhase>('starting');
  /** Visible explanation of the last restart; kept a while even if the next answer is good. */
  notice = $state<string | null>(null);
  private noticeAt = 0;
  restarts = $state(0);

  private worker: Worker | null = null;
  private remote: Remote<AnalysisApi> | null = null;
  /** The worker's test hooks, when it is the test-only entry. */
  private hooks: Remote<TestHooks> | null = null;
  /** Bumped on every restart so answers of a dead worker are ignored. */
  private generation = 0;
  private newest = -1;
  /** Revision of the last workspace load; an older trusted analysis belongs to another one. */
  private loadedAt = -1;
  private pending: Request | null = null;
  private inFlight: (Request & { timer: ReturnType<typeof setTimeout> }) | null = null;
  private debounce: ReturnType<typeof setTimeout> | null = null;
  /** Rejecters of side calls (build, move, solve, port), run when the worker is replaced. */
  private abandoned: (() => void)[] = [];

  /** Asks for an analysis of `ws` at `revision`; only the newest request is ever shown. */
  request(revision: number, ws: Workspace, immediate = false): void {
    this.newest = Math.max(this.newest, revision);
    this.pending = { revision, ws, attempts: 0 };
    if (immediate) this.loadedAt = revision;
    if (this.debounce) clearTimeout(this.debounce);
    if (!this.inFlight) this.phase = 'waiting';
    if (immediate) this.pump();
    else this.debounce = setTimeout(() => this.pump(), DEBOUNCE_MS);
  }

  /**
   * Replaces the worker, e.g. from the command list. The request that was running is sent
   * again once; if the new worker fails on it too, it is dropped until the next edit, so input
   * that always kills the worker cannot cause a restart loop.
   */
  restart(reason: string): void {
    this.generation++;
    if (this.inFlight) {
      clearTimeout(this.inFlight.timer);
      const { revision, ws, attempts } = this.inFlight;
      if (attempts < 2) this.pending ??= { revision, ws, attempts };
      this.inFlight = null;
    }
    this.worker?.terminate();
    this.worker = null;
    this.remote = null;
    this.hooks = null;
    const abandoned = this.abandoned;
    this.abandoned = [];
    for (const abandon of abandoned) abandon();
    this.restarts++;
    this.notice = reason;
    this.noticeAt = performance.now();
    this.phase = 'restarting';
    this.pump();
    if (!this.inFlight) this.phase = 'idle';
  }

  /** Whether the panels that draw the image show an older analysis than Problems does. */
  get stale(): boolean {
    return this.shown !== null && this.shown !== this.trusted;
  }

  /** The build for the real toolchain (kraft.yaml, gated sources, artefacts). */
  build(ws: Workspace): Promise<WorkspaceBuild> {
    return this.track<WorkspaceBuild>(this.ensureWorker().build(ws));
  }

  /** Plans a library move in the worker (it holds the YAML parser, the page does not). */
  planMove(ws: Workspace, lib: string, target: string | null): Promise<LibraryMove | null> {
    return this.track<LibraryMove | null>(this.ensureWorker().planMove(ws, lib, target));
  }

  /** Plans switching the whole image's mechanism, as edits of its config file. */
  planMechanism(ws: Workspace, mechanism: Mechanism): Promise<MechanismSwitch | null> {
    return this.track<MechanismSwitch | null>(this.ensureWorker().planMechanism(ws, mechanism));
  }

  /** One C file of `ws` in a gated variant (another mechanism or sharing mode). */
  variant(ws: Workspace, path: string, variant: GatedVariant): Promise<GatedVariantView> {
    return this.track<GatedVariantView>(this.ensureWorker().variant(ws, path, variant));
  }

  /** A space.yaml made from the image config. */
  spaceYaml(ws: Workspace): Promise<{ text: string } | { error: string }> {
    return this.track<{ text: string } | { error: string }>(this.ensureWorker().spaceYaml(ws));
  }

  /** The minimal safe placement of `ws`, as edits of its config file. */
  solve(ws: Workspace): Promise<WorkspaceSolution> {
    return this.track<WorkspaceSolution>(this.ensureWorker().solve(ws));
  }

  /** The title of an `exercise.yaml` text (the YAML parser lives in the worker). */
  exerciseTitle(text: string): Promise<string | null> {
    return this.track<string | null>(this.ensureWorker().exerciseTitle(text));
  }

  /** Gate placeholders for one C file of `ws`. */
  port(ws: Workspace, request: PortRequest): Promise<PortedFile> {
    return this.track<PortedFile>(this.ensureWorker().port(ws, request));
  }

  /**
   * Ways to crash or hang the worker, for tests: only the test-only worker entry has them,
   * started when the harness or `?debug` wants test hooks; null otherwise.
   */
  testHooks(): Remote<TestHooks> | null {
    this.ensureWorker();
    return this.hooks;
  }

  dispose(): void {
    this.generation++;
    this.worker?.terminate();
  }

  /**
   * A call to the worker that fails, instead of hanging forever, when the worker is replaced
   * before it answers.
   */
  private track<T>(call: Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const abandon = () => reject(new Error('the analysis worker was restarted'));
      this.abandoned.push(abandon);
      call.then(resolve, reject).finally(() => {
        this.abandoned = this.abandoned.filter((a) => a !== abandon);
      });
    });
  }

  private ensureWorker(): Remote<AnalysisApi> {
    if (this.remote) return this.remote;
    const debug = testHooksWanted();
    const worker = debug
      ? new AnalysisDebugWorker({ name: 'analysis' })
      : new AnalysisWorker({ name: 'analysis' });
    const generation = this.generation;
    worker.addEventListener('error', (e) => {
      e.preventDefault();
      if (generation === this.generation) {
        this.restart(
          `The analysis worker crashed (${e.message || 'unknown error'}) and was restarted.`,
        );
      }
    });
    const remote = wrap<AnalysisApi & TestHooks>(worker);
    this.worker = worker;
    this.remote = remote;
    this.hooks = debug ? remote : null;
    return remote;
  }

  private pump(): void {
    if (this.inFlight || !this.pending) return;
    const { revision, ws, attempts } = this.pending;
    this.pending = null;
    const generation = this.generation;
    const timer = setTimeout(() => {
      if (generation !== this.generation) return;
      this.restart(
        `The analysis took longer than ${Math.round(TIMEOUT_MS / 1000)} s and was stopped; the worker was restarted.`,
      );
    }, TIMEOUT_MS);
    this.inFlight = { revision, ws, attempts: attempts + 1, timer };
    this.phase = 'running';
    this.ensureWorker()
      .analyze(revision, ws)
      .then(
        (answer) => generation === this.generation && this.settle(answer, ws),
        (e: unknown) => {
          if (generation !== this.generation) return;
          const text = e instanceof Error ? e.message : String(e);
          this.restart(`The analysis failed (${text}); the worker was restarted.`);
        },
      );
  }

  private settle(answer: AnalysisAnswer, ws: Workspace): void {
    if (this.inFlight) clearTimeout(this.inFlight.timer);
    this.inFlight = null;
    if (answer.revision >= this.newest) {
      this.shown = {
        revision: answer.revision,
        result: answer.result,
        analysed: ws,
        ms: answer.ms,
        ...(answer.parserError ? { parserError: answer.parserError } : {}),
        ...(answer.exercise ? { exercise: answer.exercise } : {}),
      };
      if (answer.result.configErrors === 0) this.trusted = this.shown;
      else if (this.trusted && this.trusted.revision < this.loadedAt) this.trusted = null;
      if (performance.now() - this.noticeAt > NOTICE_MS) this.notice = null;
    }
    this.phase = this.pending ? 'waiting' : 'idle';
    this.pump();
  }
}

export const analysis = new AnalysisClient();
