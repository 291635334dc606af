import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { Mechanism } from '../../core/model.ts';
import type { CParser, Workspace } from '../../core/pipeline/index.ts';
import type {
  JobRequest,
  JobResult,
  ProcessLimits,
  RunnerLimits,
  TargetDescription,
} from '../api/schemas.ts';
import { compileBuild, PROGRAM } from '../build/compile.ts';
import { createJobDir, removeJobDir } from '../build/job-dir.ts';
import type { SandboxHost } from '../sandbox/bwrap-args.ts';
import { checkJob, instantiateJob } from '../build/prepare.ts';
import { createPreparer, type Preparer, type Step } from '../prepare/preparer.ts';
import type { Enforcement } from '../prepare/protocol.ts';
import { MECHANISMS } from '../../core/model.ts';
import { faultSentence, parseFaultReport } from '../build/fault-report.ts';
import { explainFault } from './explain-fault.ts';
import { createMetricScanner } from './metrics.ts';
import { stackSuspect } from './suspects.ts';
import { describeGuest, guestInput, guestLimits, runInGuest } from './guest-run.ts';
import type { GuestSetup } from './guest-setup.ts';
import {
  buildReaper,
  probeSandbox,
  runSandboxed,
  sandboxUser,
  type SandboxOutcome,
} from '../sandbox/sandbox.ts';
import { detectHost, type HostFeatures } from './host.ts';
import { canEnforce, type JobContext, type Target } from './target.ts';

export interface NativeTargetOptions {
  parser: CParser;
  limits: RunnerLimits;
  /** Folder of this runner's job directories (`createJobsRoot`). */
  jobsRoot: string;
  /** What the host offers (default: `detectHost()`). */
  host?: HostFeatures;
  /** First uid of the per-slot sandbox users, when the runner is root. */
  uidBase?: number;
  /** The C runtime (default: src/runner/rt next to this file). */
  rtDir?: string;
  /**
   * Where jobs are checked and rewritten: a worker thread by default, so a workspace that takes
   * long to read never delays the service; null does it in this thread with `parser`.
   */
  preparer?: Preparer | null;
  /**
   * Run in a QEMU guest whose emulated CPU enforces protection keys (target `qemu-mpk`)
   * instead of as a Linux process here: what `setUpGuest` found.
   */
  guest?: GuestSetup;
}

const DEFAULT_RT = fileURLToPath(new URL('../rt', import.meta.url));
/** Far above any uid a Debian system or systemd hands out; each slot adds its number. */
export const DEFAULT_UID_BASE = 1_900_000_000;

/**
 * The `native` target: the image compiled with the host's gcc against the runner's C runtime
 * and run in the bubblewrap sandbox: `fcalls` as one Linux process, `vm-ept` as one process
 * per compartment (rt/start.c), whose separation faults come back as `fault` results. The
 * other mechanisms are reported with the reason they cannot run here.
 */
export async function createNativeTarget(options: NativeTargetOptions): Promise<Target> {
  const rtDir = options.rtDir ?? DEFAULT_RT;
  const uidBase = options.uidBase ?? DEFAULT_UID_BASE;
  const host = options.host ?? detectHost();
  const reaper = await buildReaper(options.jobsRoot);
  const sandboxHost: SandboxHost = { rtDir, reaper: reaper.ok ? reaper.path : '/nonexistent' };
  const sandbox = reaper.ok
    ? await probeSandbox(options.jobsRoot, sandboxHost, options.limits.run, sandboxUser(0, uidBase))
    : reaper;
  const guest = options.guest;
  const id = guest ? 'qemu-mpk' : 'native';
  const description = guest ? describeGuest(guest, sandbox) : describeNative(host, sandbox);
  const preparer =
    options.preparer === undefined
      ? createPreparer({ timeoutMs: options.limits.prepareMs })
      : options.preparer;
  await preparer?.warm();
  const target: Target = {
    id,
    describe: () => description,
    run: (job, ctx) => runNative(job, ctx),
    close: async () => preparer?.close(),
  };

  async function runNative(job: JobRequest, ctx: JobContext): Promise<JobResult> {
    const durations: JobResult['durations'] = {};
    const result = (status: JobResult['status'], rest: Partial<JobResult> = {}): JobResult => ({
      status,
      target: id,
      mechanism: null,
      exitCode: null,
      signal: null,
      durations,
      truncated: false,
      diagnostics: [],
      ...rest,
    });
    const ws: Workspace = { files: job.files, settings: { panel: 'graph' } };
    const prepareFailed = (
      step: { timedOut: boolean; reason: string },
      mechanism: Mechanism | null = null,
    ): JobResult =>
      result(step.timedOut ? 'timeout' : 'killed', { mechanism, reason: step.reason });

    ctx.emit({ event: 'phase', data: { phase: 'check' } });
    let t = performance.now();
    const enforcement: Enforcement = Object.fromEntries(
      MECHANISMS.map((m) => [m, canEnforce(target, m)]),
    );
    const checkStep: Step<ReturnType<typeof checkJob>> = preparer
      ? await preparer.check(ws, job.mechanism, enforcement)
      : { ok: true, value: checkJob(ws, job.mechanism, (m) => canEnforce(target, m)) };
    durations.check = performance.now() - t;
    if (!checkStep.ok) return prepareFailed(checkStep);
    const checked = checkStep.value;
    if (checked.status !== 'ok')
      return result('config-error', {
        mechanism: checked.mechanism,
        diagnostics: checked.diagnostics,
      });
    const mechanism: Mechanism = checked.mechanism;

    ctx.emit({ event: 'phase', data: { phase: 'rewrite' } });
    t = performance.now();
    const instStep: Step<ReturnType<typeof instantiateJob>> = preparer
      ? await preparer.instantiate(ws, checked, job.sharing)
      : { ok: true, value: instantiateJob(ws, options.parser, checked, job.sharing) };
    durations.rewrite = performance.now() - t;
    if (!instStep.ok) return prepareFailed(instStep, mechanism);
    const inst = instStep.value;
    const diagnostics = [...checked.diagnostics, ...inst.diagnostics];
    if (inst.status !== 'ok') return result('config-error', { mechanism, diagnostics });

    const user = sandboxUser(ctx.slot, uidBase);
    const jobDir = await createJobDir(options.jobsRoot, randomUUID(), inst.build.files, user);
    try {
      ctx.emit({ event: 'phase', data: { phase: 'compile' } });
      t = performance.now();
      const compiled = await compileBuild({
        build: inst.build,
        originals: job.files,
        jobDir,
        host: sandboxHost,
        limits: options.limits.compile,
        user,
        outputBytes: options.limits.outputBytes,
        signal: ctx.signal,
        staticLink: guest !== undefined,
        asan: guest?.ok === true && guest.asanLibraries !== null,
      });
      durations.compile = performance.now() - t;
      diagnostics.push(...compiled.diagnostics);
      if (compiled.status !== 'ok')
        return result(compiled.status, {
          mechanism,
          diagnostics,
          ...('reason' in compiled ? { reason: compiled.reason } : {}),
        });

      ctx.emit({ event: 'phase', data: { phase: 'run' } });
      const metrics = createMetricScanner((m) => ctx.emit({ event: 'metric', data: m }));
      const run = {
        jobDir,
        host: sandboxHost,
        limits: options.limits.run,
        user,
        outputBytes: options.limits.outputBytes,
        signal: ctx.signal,
      };
      const out = await (guest?.ok
        ? runInGuest(guest, { ...run, ...guestInput(job, guest, compiled.dynamic) }, (text) => {
            ctx.emit({ event: 'stdout', data: { text } });
            metrics.push(text);
          })
        : runSandboxed({
            argv: [PROGRAM, ...(job.args ?? [])],
            jobDir,
            writable: false,
            host: sandboxHost,
            limits: options.limits.run,
            user,
            ...(job.stdin !== undefined ? { stdin: job.stdin } : {}),
            outputBytes: options.limits.outputBytes,
            onOutput: (stream, text) => {
              ctx.emit({ event: stream, data: { text } });
              if (stream === 'stdout') metrics.push(text);
            },
            signal: ctx.signal,
            reports: true,
          }));
      metrics.end();
      durations.run = out.wallMs;
      ctx.emit({ event: 'metric', data: { name: 'run-wall', value: out.wallMs, unit: 'ms' } });
      const raw = mechanism !== 'fcalls' ? parseFaultReport(out.reports) : null;
      if (raw) {
        // Named from the program's symbols and debug information (binutils, in the sandbox).
        const tool = async (argv: string[]) => {
          const r = await runSandboxed({ ...run, argv, writable: false });
          return r.exitCode === 0 ? r.stdout : null;
        };
        const explained = await explainFault(raw, inst.build, job.files, tool);
        // A stack hit: which local crossed a gate unshared, by the editor's own analysis.
        const suspect =
          raw.region === 'stack'
            ? stackSuspect(ws, options.parser, explained.ownerLibrary.split(', '))
            : undefined;
        const fault = suspect ? { ...explained, suspect } : explained;
        ctx.emit({ event: 'fault', data: fault });
        return result('fault', {
          mechanism,
          exitCode: null,
          signal: 'SIGSEGV',
          truncated: out.truncated,
          diagnostics,
          fault,
          reason: faultSentence(fault),
        });
      }
      // A guest runs under QEMU's own limits (its boot included): the reason names those.
      const [status, extra] = runStatus(
        out,
        guest?.ok ? guestLimits(options.limits.run) : options.limits.run,
        guest?.ok ? ' (QEMU, the guest’s boot included)' : '',
      );
      return result(status, {
        ...extra,
        mechanism,
        exitCode: out.exitCode,
        signal: out.signal,
        truncated: out.truncated,
        diagnostics,
      });
    } finally {
      await removeJobDir(jobDir);
    }
  }

  function runStatus(out: SandboxOutcome, limits: ProcessLimits, of: string) {
    const reason = (status: JobResult['status'], why?: string) =>
      [status, why === undefined ? {} : { reason: why }] as const;
    if (out.aborted) return reason('killed', 'the runner stopped');
    if (out.timedOut === 'wall')
      return reason('timeout', `wall-clock limit of ${limits.wallMs / 1000} s${of}`);
    if (out.timedOut === 'cpu')
      return reason('timeout', `CPU-time limit of ${limits.cpuSeconds} s${of}`);
    if (out.signal === 'SIGXFSZ')
      return reason('killed', `file-size limit of ${limits.fileSizeBytes} bytes${of}`);
    if (out.signal === 'SIGKILL')
      return reason('killed', 'killed by SIGKILL (CPU hard limit or out of memory)');
    if (out.signal !== null) return reason('runtime-error', `died of ${out.signal}`);
    if (out.exitCode === 0) return reason('ok');
    return reason('runtime-error', `exit status ${out.exitCode}`);
  }

  return target;
}

function describeNative(
  host: HostFeatures,
  sandbox: { ok: true } | { ok: false; reason: string },
): TargetDescription {
  const missing = !host.gcc ? 'gcc is not installed' : !sandbox.ok ? sandbox.reason : undefined;
  const pku = host.pku ? null : 'this CPU has no protection keys (no pku/ospke in /proc/cpuinfo)';
  return {
    id: 'native',
    label: 'Linux process (native)',
    available: missing === undefined,
    ...(missing === undefined ? {} : { reason: missing }),
    mechanisms: [
      {
        mechanism: 'fcalls',
        enforced: missing === undefined,
        label: 'function calls: nothing is separated',
        ...(missing === undefined ? {} : { reason: missing }),
      },
      {
        mechanism: 'intel-mpk',
        // The same runtime as the QEMU guest's (rt/start.c), with the CPU's own keys.
        enforced: missing === undefined && pku === null,
        label: 'Intel MPK protection keys',
        ...(missing !== undefined ? { reason: missing } : pku !== null ? { reason: pku } : {}),
      },
      {
        mechanism: 'vm-ept',
        enforced: missing === undefined,
        label: 'page-table isolation (processes)',
        ...(missing === undefined ? {} : { reason: missing }),
      },
      {
        mechanism: 'cheri',
        enforced: false,
        label: 'CHERI capabilities',
        reason: 'needs a CHERI machine (a Morello board)',
      },
    ],
  };
}
