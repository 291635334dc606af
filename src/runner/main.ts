/**
 * `npm run runner -- [--host H] [--port N] [--allow-origin URL] [--token T] [--app DIR]
 * [--store PATH] [--share-bytes N] [--share-per-hour N]`: the runner on its own, for a class.
 * Listens on 127.0.0.1:8787 unless told otherwise; with `--app dist` it also serves the built
 * playground, as `npm start` does (scripts/start.mjs calls `serve` below). Ctrl+C stops it and
 * removes its job directories.
 */
import { realpathSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_SHARE_LIMITS } from './limits.ts';
import { startRunner, type RunnerOptions, type StartedRunner } from './runner.ts';

const USAGE =
  'usage: npm run runner -- [--host H] [--port N] [--allow-origin URL] [--token T] [--app DIR]\n' +
  '                         [--store PATH|:memory:] [--share-bytes N] [--share-per-hour N]\n';

/**
 * Where short links are kept unless `--store` says otherwise: `$FLEXOS_SHARE_STORE`, else
 * `short-links.sqlite` in `$FLEXOS_CACHE` or `~/.cache/flexos-playground/`.
 */
export function defaultStorePath(env: NodeJS.ProcessEnv = process.env): string {
  const set = env['FLEXOS_SHARE_STORE'];
  if (set !== undefined && set !== '') return set;
  const cache = env['FLEXOS_CACHE'] ?? join(homedir(), '.cache', 'flexos-playground');
  return join(cache, 'short-links.sqlite');
}

export interface ServeOptions extends RunnerOptions {
  /** First words of the banner ("FlexOS Playground", "FlexOS runner"). */
  title: string;
  /** Log only warnings and errors, not every request (`npm start` serves many files). */
  quiet?: boolean;
}

/**
 * Starts a runner, says where and what it runs, and serves until SIGINT or SIGTERM, then
 * stops every job and removes the job directories. The exit code: 0 after a signal, 1 when
 * the port is taken, 2 when `appDir` holds no build or the short-link store cannot be opened.
 */
export async function serve(options: ServeOptions): Promise<number> {
  const { title, quiet, ...given } = options;
  const store = given.share?.store ?? defaultStorePath();
  const runnerOptions: RunnerOptions = { ...given, share: { ...given.share, store } };
  // Installed before the start (which compiles the reaper, probes the sandbox): a Ctrl+C
  // then still closes whatever has been created.
  const stop = new Promise<string>((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
  let runner: StartedRunner;
  try {
    runner = await startRunner(runnerOptions);
  } catch (e) {
    const { code, message } = e as { code?: string; message: string };
    if (code === 'EADDRINUSE') {
      process.stderr.write(
        `${title}: port ${options.port ?? 0} on ${options.host ?? '127.0.0.1'} is in use; choose another (PORT=N npm start, --port N)\n`,
      );
      return 1;
    }
    if (/holds no built app|short-link store/.test(message)) {
      process.stderr.write(`${title}: ${message}\n`);
      return 2;
    }
    throw e;
  }
  if (quiet) runner.server.app.log.level = 'warn';
  const serves = options.appDir === undefined ? '' : ' (the playground and the runner API)';
  process.stdout.write(`\n${title}: ${runner.url}/${serves}  (Ctrl+C to stop)\n`);
  process.stdout.write(`  short links kept in ${store === ':memory:' ? 'memory' : store}\n`);
  for (const t of runner.server.targets) {
    const runs = t.mechanisms.filter((m) => m.enforced).map((m) => m.mechanism);
    const why = t.available ? '' : ` (unavailable: ${t.reason ?? '?'})`;
    process.stdout.write(`  runner target ${t.id}: ${runs.join(', ') || 'nothing'}${why}\n`);
  }
  const signal = await stop;
  process.stdout.write(`\n${title}: ${signal}, stopping the jobs and the server\n`);
  await runner.close();
  return 0;
}

async function main(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        host: { type: 'string', default: '127.0.0.1' },
        port: { type: 'string', default: '8787' },
        'allow-origin': { type: 'string' },
        token: { type: 'string' },
        app: { type: 'string' },
        store: { type: 'string' },
        'share-bytes': { type: 'string' },
        'share-per-hour': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const port = Number(values.port);
  if (!/^\d+$/.test(values.port) || port > 65535) {
    process.stderr.write(`bad port ${values.port}\n${USAGE}`);
    return 2;
  }
  const shareLimits = { ...DEFAULT_SHARE_LIMITS };
  for (const [flag, key] of [
    ['share-bytes', 'snapshotBytes'],
    ['share-per-hour', 'snapshotsPerHour'],
  ] as const) {
    const text = values[flag];
    if (text === undefined) continue;
    if (!/^\d+$/.test(text)) {
      process.stderr.write(`bad --${flag} ${text}: a whole number\n${USAGE}`);
      return 2;
    }
    shareLimits[key] = Number(text);
  }
  return serve({
    title: values.app === undefined ? 'FlexOS runner' : 'FlexOS Playground',
    host: values.host,
    port,
    ...(values['allow-origin'] !== undefined ? { allowOrigin: values['allow-origin'] } : {}),
    ...(values.token !== undefined ? { token: values.token } : {}),
    ...(values.app !== undefined ? { appDir: values.app } : {}),
    share: {
      ...(values.store !== undefined ? { store: values.store } : {}),
      limits: shareLimits,
    },
    logger: true,
  });
}

/** Whether this module is the program (`tsx src/runner/main.ts`), not imported by start.mjs. */
function isEntry(): boolean {
  const argv1 = process.argv[1];
  if (argv1 === undefined) return false;
  try {
    return realpathSync(argv1) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntry()) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      process.stderr.write(`runner: ${(e as Error).stack ?? String(e)}\n`);
      process.exit(1);
    },
  );
}
