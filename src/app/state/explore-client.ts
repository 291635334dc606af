import type {
  ExploreHost,
  ExploreRequest,
  LoadedConfiguration,
  Workspace,
  WorkspaceExploration,
} from '../../core/pipeline/index.ts';

/** Measures one configuration by running it (labels `runner`). */
export type Measure = NonNullable<ExploreHost['measure']>;

/** What the client calls on a worker (workers/explore-api.ts behind comlink, or a fake). */
export interface ExploreCalls {
  explore(
    ws: Workspace,
    request: ExploreRequest,
    onProgress: (message: string) => void,
    measure?: Measure,
  ): Promise<WorkspaceExploration>;
  configYamlFor(ws: Workspace, id: string): Promise<LoadedConfiguration | { error: string }>;
}

/** A started explore worker; `explore-worker.ts` makes real ones, unit tests fake ones. */
export interface StartedWorker {
  calls: ExploreCalls;
  /** Stops the worker at once, even in the middle of a synchronous exploration. */
  terminate(): void;
  /** Registers what to do when the worker dies of an uncaught error. */
  onCrash(crashed: (message: string) => void): void;
}

/** How an exploration ended. Only `done` and `failed` are news for the panel. */
export type ExploreOutcome =
  | { status: 'done'; exploration: WorkspaceExploration; ms: number }
  | { status: 'failed'; message: string }
  /** A newer exploration replaced this one; its caller shows that one instead. */
  | { status: 'superseded' }
  | { status: 'cancelled' };

interface Running {
  ws: Workspace;
  request: ExploreRequest;
  onProgress: (message: string) => void;
  measure: Measure | undefined;
  resolve: (outcome: ExploreOutcome) => void;
  /** How many workers were given this exploration already. */
  attempts: number;
  /** Identifies the attempt in flight, so an answer of an earlier attempt is ignored. */
  token: object;
  started: number;
}

/**
 * Runs explorations in a worker of their own, one at a time. A newer exploration supersedes
 * the one in flight and `cancel` stops it: both terminate the worker, because a synchronous
 * exploration cannot be interrupted any other way, and its answer would be dropped anyway. The
 * next call starts a fresh worker (memoised while it lives). A worker that crashes is replaced
 * and `onRestart` says so; the exploration it was running is sent again once.
 */
export class ExploreClient<W extends StartedWorker = StartedWorker> {
  private worker: W | null = null;
  private running: Running | null = null;
  /** Rejecters of `configFor` calls in flight, run when their worker is stopped. */
  private abandoned: (() => void)[] = [];

  constructor(
    private readonly start: () => W,
    private readonly onRestart: (notice: string) => void,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Whether an exploration is in flight. */
  get busy(): boolean {
    return this.running !== null;
  }

  /** Explores `ws`; `onProgress` gets the core's progress lines of this exploration only. */
  explore(
    ws: Workspace,
    request: ExploreRequest,
    onProgress: (message: string) => void,
    measure?: Measure,
  ): Promise<ExploreOutcome> {
    this.stop({ status: 'superseded' });
    return new Promise((resolve) => {
      this.running = {
        ws,
        request,
        onProgress,
        measure,
        resolve,
        attempts: 0,
        token: {},
        started: this.now(),
      };
      this.send();
    });
  }

  /** Stops the exploration in flight, if any, at once; says whether there was one. */
  cancel(): boolean {
    return this.stop({ status: 'cancelled' });
  }

  /**
   * The config.yaml text of configuration `id`. It waits behind an exploration in flight; if
   * that one is superseded or cancelled meanwhile, the call is made again on the next worker.
   */
  async configFor(ws: Workspace, id: string): Promise<LoadedConfiguration | { error: string }> {
    try {
      return await this.track(this.ensureWorker().calls.configYamlFor(ws, id));
    } catch (e) {
      if (!(e instanceof WorkerStopped)) throw e;
      return this.track(this.ensureWorker().calls.configYamlFor(ws, id));
    }
  }

  /** The worker, started if need be (for its test hooks). */
  currentWorker(): W {
    return this.ensureWorker();
  }

  dispose(): void {
    this.stop({ status: 'cancelled' });
    this.dropWorker();
  }

  private send(): void {
    const r = this.running;
    if (!r) return;
    const token = {};
    r.token = token;
    r.attempts++;
    const current = () => this.running === r && r.token === token;
    this.ensureWorker()
      .calls.explore(
        r.ws,
        r.request,
        (message) => {
          if (current()) r.onProgress(message);
        },
        r.measure,
      )
      .then(
        (exploration) => {
          if (current()) this.settle({ status: 'done', exploration, ms: this.now() - r.started });
        },
        (e: unknown) => {
          if (current()) this.settle({ status: 'failed', message: errorMessage(e) });
        },
      );
  }

  private settle(outcome: ExploreOutcome): void {
    const r = this.running;
    this.running = null;
    r?.resolve(outcome);
  }

  /** Ends the exploration in flight with `outcome`, stopping its worker. */
  private stop(outcome: ExploreOutcome): boolean {
    if (!this.running) return false;
    this.settle(outcome);
    this.dropWorker();
    return true;
  }

  private ensureWorker(): W {
    if (this.worker) return this.worker;
    const worker = this.start();
    worker.onCrash((message) => {
      if (worker === this.worker) this.crashed(message);
    });
    this.worker = worker;
    return worker;
  }

  private dropWorker(): void {
    this.worker?.terminate();
    this.worker = null;
    const abandoned = this.abandoned;
    this.abandoned = [];
    for (const abandon of abandoned) abandon();
  }

  private crashed(message: string): void {
    this.dropWorker();
    this.onRestart(`The explore worker crashed (${message}) and was restarted.`);
    const r = this.running;
    if (!r) return;
    // Input that always kills the worker must not restart it forever: one more try.
    if (r.attempts < 2) this.send();
    else this.settle({ status: 'failed', message: `the explore worker crashed (${message})` });
  }

  /** A call that fails, instead of hanging forever, when its worker is stopped first. */
  private track<T>(call: Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const abandon = () => reject(new WorkerStopped());
      this.abandoned.push(abandon);
      call.then(resolve, reject).finally(() => {
        this.abandoned = this.abandoned.filter((a) => a !== abandon);
      });
    });
  }
}

class WorkerStopped extends Error {
  constructor() {
    super('the explore worker was stopped');
  }
}

function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message || e.name : String(e);
}
