import { isMechanism, isSharingMode, MECHANISMS, SHARING_MODES } from '../../core/model.ts';
import { RunnerError, type RunnerFailure } from '../../runner/api/client.ts';
import type { JobRequest } from '../../runner/api/index.ts';
import { flagValue, parseArgs } from '../args.ts';
import { isDirectory, type CliCommand, type CliIo } from '../io.ts';
import { loadWorkspace } from '../load-workspace.ts';
import { jsonPrinter, textPrinter, type RunPrinter } from '../run-output.ts';
import { connectRunner, type RunnerConnection } from '../runner-connect.ts';

const USAGE =
  'usage: flexos run DIR [--runner URL] [--token T] [--target T] [--mechanism M] [--sharing S]\n' +
  '                      [--stdin FILE] [--json] [-- ARGS...]\n';

const START_ONE =
  'Start one with `npm start` (the playground and its runner, http://127.0.0.1:4173) or\n' +
  '`npm run runner -- --port 8787`, or leave out --runner to run one in this process.\n';

/**
 * `flexos run DIR`: builds and runs a workspace on a runner (docs/architecture.md, "The
 * runner"), the one at `--runner URL` or one started in this process, and streams what
 * happens. Exit 0 when the job's status is `ok`, 1 for any other status (the target cannot
 * enforce the mechanism included), 2 when the command, its input or the runner connection
 * failed.
 */
export const runCommand: CliCommand = async (argv, io) => {
  // Everything after `--` is the program's, even words that look like our options.
  const dash = argv.indexOf('--');
  const { parsed, error } = parseArgs(dash < 0 ? argv : argv.slice(0, dash), {
    valued: ['runner', 'token', 'target', 'mechanism', 'sharing', 'stdin'],
    boolean: ['json'],
  });
  const programArgs = dash < 0 ? [] : argv.slice(dash + 1);
  const dir = parsed.positional[0];
  const usageError =
    error ??
    (parsed.positional.length > 1
      ? 'one workspace directory; the program’s arguments go after --'
      : undefined);
  if (usageError !== undefined || dir === undefined) {
    io.err(usageError === undefined ? USAGE : `flexos run: ${usageError}\n${USAGE}`);
    return 2;
  }
  const options = checkOptions(parsed.flags, io);
  if (options === null) return 2;
  if (!(await isDirectory(io, dir))) {
    io.err(`flexos run: ${dir} is not a directory\n`);
    return 2;
  }
  const loaded = await loadWorkspace(io, dir);
  const stdinFile = flagValue(parsed, 'stdin');
  const request: JobRequest = {
    files: loaded.ws.files,
    target: options.target,
    ...(options.mechanism !== undefined ? { mechanism: options.mechanism } : {}),
    ...(options.sharing !== undefined ? { sharing: options.sharing } : {}),
    ...(programArgs.length > 0 ? { args: programArgs } : {}),
    ...(stdinFile !== undefined ? { stdin: await io.readFile(stdinFile) } : {}),
  };
  const json = parsed.flags.has('json');
  const printer = json ? jsonPrinter(io, loaded) : textPrinter(io, loaded);
  return runJob(io, request, printer, {
    ...options,
    quiet: json,
    token: flagValue(parsed, 'token'),
  });
};

interface RunOptions {
  target: string;
  mechanism?: JobRequest['mechanism'];
  sharing?: JobRequest['sharing'];
  /** `--runner`, without a trailing slash; none: a runner in this process. */
  runner?: string;
}

/** The options' values checked here, so a typo is a usage error, not a runner's 400. */
function checkOptions(flags: Map<string, string | true>, io: CliIo): RunOptions | null {
  const value = (name: string) => {
    const v = flags.get(name);
    return typeof v === 'string' ? v : undefined;
  };
  const bad = (why: string) => {
    io.err(`flexos run: ${why}\n${USAGE}`);
    return null;
  };
  const options: RunOptions = { target: value('target') ?? 'native' };
  if (options.target === '') return bad('--target needs a target id (native)');
  const mechanism = value('mechanism');
  if (mechanism !== undefined) {
    if (!isMechanism(mechanism))
      return bad(`unknown mechanism ${mechanism}; one of ${MECHANISMS.join(', ')}`);
    options.mechanism = mechanism;
  }
  const sharing = value('sharing');
  if (sharing !== undefined) {
    if (!isSharingMode(sharing))
      return bad(`unknown sharing mode ${sharing}; one of ${SHARING_MODES.join(', ')}`);
    options.sharing = sharing;
  }
  const runner = value('runner');
  if (runner !== undefined) {
    let url: URL;
    try {
      url = new URL(runner);
    } catch {
      return bad(`--runner ${runner} is not a URL (http://127.0.0.1:4173)`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      return bad(`--runner ${runner} is not an http or https URL`);
    options.runner = `${url.origin}${url.pathname}`.replace(/\/+$/, '');
  }
  return options;
}

/** Submits, follows and prints the job; starts and closes a runner here when none was named. */
async function runJob(
  io: CliIo,
  request: JobRequest,
  printer: RunPrinter,
  options: RunOptions & { quiet: boolean; token: string | undefined },
): Promise<number> {
  const stop = new AbortController();
  // Ctrl+C stops following (and the runner of this process, with its job directories); a
  // second Ctrl+C, the listener gone, ends the process at once as usual.
  const interrupt = () => stop.abort(new Error('interrupted'));
  process.once('SIGINT', interrupt);
  let local: RunnerConnection | null = null;
  try {
    local = await connectRunner(io, options);
    const { client } = local;
    const { id } = await client.submit(request, stop.signal);
    const result = await client.follow(id, {
      signal: stop.signal,
      onEvent: (e) => printer.event(e),
    });
    printer.result(id, result);
    return result.status === 'ok' ? 0 : 1;
  } catch (e) {
    if (stop.signal.aborted) {
      io.err('flexos run: interrupted\n');
      return 130;
    }
    if (e instanceof RunnerError) return failed(io, e.failure, options);
    throw e;
  } finally {
    process.off('SIGINT', interrupt);
    await local?.close();
  }
}

/**
 * Why the job did not run, as one line: exit 2, or 1 when the target cannot enforce the
 * mechanism asked for (as the runner's config-error for the image's own mechanism).
 */
function failed(io: CliIo, f: RunnerFailure, options: RunOptions): number {
  if (f.kind === 'unreachable') {
    io.err(`flexos run: ${f.message}.\n${START_ONE}`);
    return 2;
  }
  if (f.kind === 'invalid') {
    io.err(`flexos run: ${f.message}; is this a FlexOS runner?\n`);
    return 2;
  }
  if (f.code.startsWith('http-')) {
    // An HTTP error without the runner's `{error}` body: something else answers there.
    io.err(
      `flexos run: ${options.runner ?? '?'} does not answer like a FlexOS runner (${f.message})\n`,
    );
    return 2;
  }
  if (f.code === 'unsupported-mechanism') {
    // The job cannot be what was asked, and no other mechanism is tried in its place.
    io.err(`flexos run: ${options.target} cannot run ${options.mechanism ?? '?'}: ${f.message}\n`);
    return 1;
  }
  if (f.code === 'unauthorized') {
    io.err(`flexos run: the runner wants its token (--token T): ${f.message}\n`);
    return 2;
  }
  if (f.status === 429) {
    const when = f.retryAfterS === undefined ? 'later' : `in ${f.retryAfterS} s`;
    io.err(`flexos run: the runner is busy (${f.message}); try again ${when}\n`);
    return 2;
  }
  io.err(`flexos run: the runner refused the job: ${f.message} (${f.code})\n`);
  return 2;
}
