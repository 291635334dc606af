import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { chmod, chown, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { fileURLToPath } from 'node:url';
import type { ProcessLimits } from '../api/schemas.ts';
import { bwrapArgs, prlimitArgs, type SandboxHost, type SandboxMounts } from './bwrap-args.ts';

/** One command to run in the sandbox. */
export interface SandboxCommand extends SandboxMounts {
  /** Program and arguments, as seen inside the sandbox. */
  argv: string[];
  limits: ProcessLimits;
  /** The user the command runs as (see `sandboxUser`); null keeps the runner's own. */
  user: { uid: number; gid: number } | null;
  stdin?: string;
  /** Bytes of stdout and stderr together passed on; the rest is read and dropped. */
  outputBytes: number;
  /** Output as it comes, decoded, up to `outputBytes`. */
  onOutput?: (stream: 'stdout' | 'stderr', text: string) => void;
  /** Stops the command (the runner shuts down). */
  signal?: AbortSignal;
  /**
   * Opens file descriptor 3 of the command as a pipe whose text comes back in `reports`: the
   * runtime's channel for fault reports, apart from the program's own output. Capped at
   * REPORT_BYTES.
   */
  reports?: boolean;
}

/** What fd 3 may carry: a few JSON lines, never the program's bulk output. */
const REPORT_BYTES = 64 * 1024;

/** How a sandboxed command ended. Nothing here is an exception: the command's failure is data. */
export interface SandboxOutcome {
  /** Exit status when it exited; null when it died of a signal. */
  exitCode: number | null;
  /** The signal it died of (`SIGSEGV`); bubblewrap reports a signal as status 128 + number. */
  signal: NodeJS.Signals | null;
  /** `wall`: killed at the wall-clock limit; `cpu`: it reached its CPU-time limit. */
  timedOut: 'wall' | 'cpu' | null;
  /** Stopped through `signal`. */
  aborted: boolean;
  truncated: boolean;
  /** Output kept (up to `outputBytes`), for the compiler's messages. */
  stdout: string;
  stderr: string;
  /** What the command wrote to fd 3, when `reports` asked for it. */
  reports: string;
  wallMs: number;
}

/**
 * The user a sandboxed command of concurrency slot `slot` runs as. When the runner is root,
 * each slot gets a uid of its own that owns nothing on the host, so the process limit
 * (RLIMIT_NPROC, counted per user) of one job is not shared with another job or with the
 * runner. Otherwise commands run as the runner's user, inside a user namespace.
 */
export function sandboxUser(slot: number, base: number): { uid: number; gid: number } | null {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return null;
  return { uid: base + slot, gid: base + slot };
}

/**
 * Compiles the reaper (reaper.c) into `dir` with the host's gcc: trusted code of the runner,
 * built once per runner process, readable and runnable by the sandbox users.
 */
export async function buildReaper(
  dir: string,
): Promise<{ ok: true; path: string } | { ok: false; reason: string }> {
  const source = fileURLToPath(new URL('./reaper.c', import.meta.url));
  const path = join(dir, 'reaper');
  const r = spawnSync('gcc', ['-O2', '-Wall', '-o', path, source], { encoding: 'utf8' });
  if (r.error || r.status !== 0)
    return {
      ok: false,
      reason: `the sandbox helper does not compile: ${r.stderr || r.error?.message}`,
    };
  await chmod(path, 0o755);
  return { ok: true, path };
}

/**
 * Whether bubblewrap and prlimit are installed and a sandbox can be created here, as `user`:
 * runs `true` in one, with the same mounts as a job (in a scratch directory of `scratch`).
 */
export async function probeSandbox(
  scratch: string,
  host: SandboxHost,
  limits: ProcessLimits,
  user: { uid: number; gid: number } | null,
): Promise<{ ok: true } | { ok: false; reason: string }> {
  for (const cmd of ['bwrap', 'prlimit']) {
    const r = spawnSync(cmd, ['--version'], { stdio: 'ignore' });
    if (r.error || r.status !== 0) return { ok: false, reason: `${cmd} is not installed` };
  }
  const dir = await mkdtemp(join(scratch, 'probe-'));
  try {
    if (user) await chown(dir, user.uid, user.gid);
    const out = await runSandboxed({
      argv: ['true'],
      jobDir: dir,
      writable: false,
      host,
      limits: { ...limits, wallMs: 10_000 },
      user,
      outputBytes: 4096,
    });
    if (out.exitCode === 0) return { ok: true };
    const why = out.stderr.trim().split('\n')[0] ?? '';
    return { ok: false, reason: `bubblewrap cannot create a sandbox here${why ? `: ${why}` : ''}` };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Without a sandbox user of its own, a job's processes count against the limit of the
 * runner's user together with everything that user already runs (RLIMIT_NPROC counts per
 * user), so the limit is raised by what is running now: the job still gets no more than its
 * own allowance, give or take what other jobs start at the same moment.
 */
function sharedUserLimits(limits: ProcessLimits): ProcessLimits {
  const uid = typeof process.getuid === 'function' ? process.getuid() : -1;
  let tasks = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      if (Number(/^Uid:\s+(\d+)/m.exec(status)?.[1]) !== uid) continue;
      tasks += Number(/^Threads:\s+(\d+)/m.exec(status)?.[1] ?? 1);
    } catch {
      // The process ended meanwhile.
    }
  }
  return { ...limits, processes: limits.processes + tasks };
}

const SIGNALS: Record<number, NodeJS.Signals> = {
  1: 'SIGHUP',
  2: 'SIGINT',
  3: 'SIGQUIT',
  4: 'SIGILL',
  5: 'SIGTRAP',
  6: 'SIGABRT',
  7: 'SIGBUS',
  8: 'SIGFPE',
  9: 'SIGKILL',
  10: 'SIGUSR1',
  11: 'SIGSEGV',
  12: 'SIGUSR2',
  13: 'SIGPIPE',
  14: 'SIGALRM',
  15: 'SIGTERM',
  24: 'SIGXCPU',
  25: 'SIGXFSZ',
  31: 'SIGSYS',
};

/**
 * Runs one command under the reaper, prlimit and bubblewrap: at the wall-clock limit (or on
 * abort) its whole process group is killed, bubblewrap's --die-with-parent and PID namespace
 * take every process of the sandbox with it, and the reaper reaps what is left.
 */
export function runSandboxed(cmd: SandboxCommand): Promise<SandboxOutcome> {
  const started = performance.now();
  const limits = cmd.user === null ? sharedUserLimits(cmd.limits) : cmd.limits;
  const argv = [
    ...prlimitArgs(limits),
    '--',
    'bwrap',
    ...bwrapArgs(cmd, limits),
    '--',
    ...cmd.argv,
  ];
  // The reaper runs prlimit, which runs bwrap: see reaper.c for why it is there.
  const child = spawn(cmd.host.reaper, ['prlimit', ...argv], {
    detached: true,
    stdio: cmd.reports ? ['pipe', 'pipe', 'pipe', 'pipe'] : ['pipe', 'pipe', 'pipe'],
    env: { PATH: '/usr/bin:/bin' },
    ...(cmd.user ?? {}),
  });
  let killedBy: 'wall' | 'abort' | null = null;
  let lastResort: NodeJS.Timeout | undefined;
  const kill = (sig: NodeJS.Signals, pid: number | undefined) => {
    try {
      if (pid !== undefined) process.kill(pid, sig);
    } catch {
      // Already gone.
    }
  };
  // SIGTERM asks the reaper to kill the command's process group and reap it; if the reaper
  // does not end, SIGKILL takes it and (through PR_SET_PDEATHSIG) the command with it.
  const killGroup = (why: 'wall' | 'abort') => {
    if (killedBy !== null) return;
    killedBy = why;
    kill('SIGTERM', child.pid);
    lastResort = setTimeout(() => kill('SIGKILL', child.pid), 3000);
  };
  const timer = setTimeout(() => killGroup('wall'), cmd.limits.wallMs);
  const onAbort = () => killGroup('abort');
  if (cmd.signal?.aborted) onAbort();
  cmd.signal?.addEventListener('abort', onAbort, { once: true });

  const kept = { stdout: '', stderr: '' };
  let budget = cmd.outputBytes;
  let truncated = false;
  for (const stream of ['stdout', 'stderr'] as const) {
    const decoder = new StringDecoder('utf8');
    child[stream].on('data', (chunk: Buffer) => {
      if (budget <= 0) {
        truncated = true;
        return;
      }
      const part = chunk.length > budget ? chunk.subarray(0, budget) : chunk;
      if (part.length < chunk.length) truncated = true;
      budget -= part.length;
      const text = decoder.write(part);
      if (text === '') return;
      kept[stream] += text;
      cmd.onOutput?.(stream, text);
    });
  }
  let reports = '';
  const reportPipe = cmd.reports ? child.stdio[3] : null;
  if (reportPipe && 'on' in reportPipe) {
    const decoder = new StringDecoder('utf8');
    reportPipe.on('data', (chunk: Buffer) => {
      if (reports.length < REPORT_BYTES) reports += decoder.write(chunk).slice(0, REPORT_BYTES);
    });
    reportPipe.on('error', () => {
      // The command closed it: nothing more to read.
    });
  }
  child.stdin.on('error', () => {
    // The program exited without reading its input: not a failure of the runner.
  });
  child.stdin.end(cmd.stdin ?? '');

  return new Promise((resolve) => {
    let settled = false;
    const settle = (code: number | null, sig: NodeJS.Signals | null, spawnError = false) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearTimeout(lastResort);
      cmd.signal?.removeEventListener('abort', onAbort);
      const fromStatus = code !== null && code > 128 ? SIGNALS[code - 128] : undefined;
      const signal = sig ?? fromStatus ?? null;
      let timedOut: SandboxOutcome['timedOut'] = killedBy === 'wall' ? 'wall' : null;
      if (timedOut === null && signal === 'SIGXCPU') timedOut = 'cpu';
      resolve({
        exitCode: signal === null ? (spawnError ? 127 : code) : null,
        signal,
        timedOut,
        aborted: killedBy === 'abort',
        truncated,
        stdout: kept.stdout,
        stderr: spawnError ? `${kept.stderr}the sandbox could not be started\n` : kept.stderr,
        reports,
        wallMs: performance.now() - started,
      });
    };
    // A process that never started emits 'error' and may never emit 'close'.
    child.on('error', () => {
      if (child.pid === undefined) settle(null, null, true);
    });
    child.on('close', (code, sig) => settle(code, sig));
  });
}
