import { createHash } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { createNodeCParser } from '../cli/node-parser.ts';
import type { RunnerLimits } from './api/schemas.ts';
import type { ShareLimits } from './api/share-schemas.ts';
import { createJobsRoot } from './build/job-dir.ts';
import { DEFAULT_LIMITS, DEFAULT_SHARE_LIMITS } from './limits.ts';
import { createRunnerServer, type RunnerServer } from './service/server.ts';
import { createShareService } from './service/share-service.ts';
import { createSqliteSnapshotStore } from './service/snapshot-store.ts';
import { prepareStaticApp, registerStaticApp } from './service/static-app.ts';
import { createNativeTarget } from './targets/native.ts';
import { setUpGuest } from './targets/guest-setup.ts';
import { createPreparer } from './prepare/preparer.ts';
import type { HostFeatures } from './targets/host.ts';
import type { Target } from './targets/target.ts';

export interface RunnerOptions {
  /** Address to listen on (default 127.0.0.1: only this machine). */
  host?: string;
  /** Port (default 0: any free port). */
  port?: number;
  allowOrigin?: string;
  token?: string;
  limits?: RunnerLimits;
  logger?: boolean;
  /** Replaces the targets (tests use a fake); default: `native` on this host. */
  targets?: Target[];
  /** What the host offers the native target (default: detected). */
  hostFeatures?: HostFeatures;
  /** First uid of the sandbox users when run as root (default `DEFAULT_UID_BASE`). */
  uidBase?: number;
  /**
   * A built app (`dist/`) to serve at `/` beside the API, so the page calls the runner on its
   * own origin (`npm start`). Must hold an `index.html`.
   */
  appDir?: string;
  /** Short links: where the snapshots are kept and how many, how large. */
  share?: {
    /** The SQLite file (`:memory:`, the default here, keeps them until the runner stops). */
    store?: string;
    limits?: ShareLimits;
  };
}

export interface StartedRunner {
  /** `http://host:port`, the base of every route. */
  url: string;
  server: RunnerServer;
  /** The folder of this runner's job directories (empty between jobs). */
  jobsRoot: string;
  /** Stops the jobs and the server, removes every job directory. */
  close(): Promise<void>;
}

/** Starts a runner: the C parser, this process's job folder, the targets, the HTTP API. */
export async function startRunner(options: RunnerOptions = {}): Promise<StartedRunner> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  // Checked first: a missing build is reported before anything is started or created.
  const site = options.appDir === undefined ? null : await prepareStaticApp(options.appDir);
  // Opened before anything else is started: a store that cannot be opened stops the start.
  const store = openStore(options.share?.store ?? ':memory:');
  const parser = await createNodeCParser();
  const jobsRoot = createJobsRoot();
  // Both targets check and rewrite jobs in one worker thread.
  const preparer = options.targets ? null : createPreparer({ timeoutMs: limits.prepareMs });
  const common = {
    parser,
    limits,
    jobsRoot,
    preparer,
    ...(options.hostFeatures ? { host: options.hostFeatures } : {}),
    ...(options.uidBase !== undefined ? { uidBase: options.uidBase } : {}),
  };
  const targets = options.targets ?? [
    await createNativeTarget(common),
    // Protection keys everywhere: QEMU emulates them (available where QEMU and the kernel are).
    await createNativeTarget({ ...common, guest: setUpGuest(jobsRoot) }),
  ];
  const server = createRunnerServer({
    targets,
    limits,
    ...(options.allowOrigin !== undefined ? { allowOrigin: options.allowOrigin } : {}),
    ...(options.token !== undefined ? { token: options.token } : {}),
    logger: options.logger ?? false,
    jobs: { onBug: (e) => server.app.log.error(e) },
    ...(site ? { extraRoutes: (app) => registerStaticApp(app, site) } : {}),
    share: createShareService({
      store,
      limits: options.share?.limits ?? DEFAULT_SHARE_LIMITS,
      hash: (bytes) => createHash('sha256').update(bytes).digest(),
      servesApp: site !== null,
    }),
  });
  let url: string;
  try {
    url = await server.app.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 0 });
  } catch (e) {
    // A port in use: nothing of this runner may stay behind (its folder, the parser).
    await server.close();
    await rm(jobsRoot, { recursive: true, force: true });
    parser.delete();
    store.close();
    throw e;
  }
  return {
    url,
    server,
    jobsRoot,
    async close() {
      await server.close();
      await Promise.all(targets.map((target) => target.close?.()));
      await rm(jobsRoot, { recursive: true, force: true });
      parser.delete();
      store.close();
    },
  };
}

function openStore(path: string) {
  try {
    return createSqliteSnapshotStore(path);
  } catch (e) {
    throw new Error(`the short-link store ${path} cannot be opened: ${(e as Error).message}`, {
      cause: e,
    });
  }
}
