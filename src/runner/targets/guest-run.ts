import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { constants } from 'node:os';
import { join } from 'node:path';
import type { JobRequest, ProcessLimits, TargetDescription } from '../api/schemas.ts';
import { PROGRAM } from '../build/compile.ts';
import { initramfs } from '../qemu/initramfs.ts';
import { followConsoleFile } from '../qemu/console-file.ts';
import { createConsoleFilter, qemuArgs } from '../qemu/guest.ts';
import { SANDBOX_JOB_DIR, type SandboxHost } from '../sandbox/bwrap-args.ts';
import { runSandboxed, type SandboxOutcome } from '../sandbox/sandbox.ts';
import type { GuestLibrary, GuestSetup } from './guest-setup.ts';

export interface GuestRun {
  jobDir: string;
  host: SandboxHost;
  limits: ProcessLimits;
  user: { uid: number; gid: number } | null;
  outputBytes: number;
  signal: AbortSignal;
  args: string[];
  stdin: string;
  /** Host files packed beside the program: a dynamically linked one's loader and libraries. */
  libraries?: readonly GuestLibrary[];
}

const GUEST_MIB = 256;
/** The guest's console, in the job directory. */
const CONSOLE = 'console.out';
const MiB = 1024 * 1024;

/**
 * The job's limits for QEMU itself: the guest's memory and QEMU's translation cache on top of
 * the program's address space, and its boot (about 2 s of one core) on top of its time.
 */
export function guestLimits(limits: ProcessLimits): ProcessLimits {
  return {
    ...limits,
    memoryBytes: Math.max(limits.memoryBytes, 2048 * MiB),
    cpuSeconds: limits.cpuSeconds + 15,
    wallMs: limits.wallMs + 15_000,
    openFiles: Math.max(limits.openFiles, 256),
  };
}

/**
 * Boots the job's program in the guest (in the sandbox, like any program): an initramfs of
 * guest-init, the program, its arguments and input, and the kernel, all in the job directory.
 * The console is the program's output (stdout and stderr together); guest-init's control
 * lines give the runtime's reports and the exit status.
 */
export async function runInGuest(
  guest: Extract<GuestSetup, { ok: true }>,
  run: GuestRun,
  onOutput: (text: string) => void,
): Promise<SandboxOutcome> {
  const enc = new TextEncoder();
  const image = initramfs([
    { name: 'init', data: await readFile(guest.init), executable: true },
    { name: 'prog', data: await readFile(join(run.jobDir, PROGRAM)), executable: true },
    { name: 'args', data: enc.encode(run.args.map((a) => `${a}\0`).join('')) },
    { name: 'stdin', data: enc.encode(run.stdin) },
    ...(await Promise.all(
      (run.libraries ?? []).map(async (l) => ({
        name: l.name,
        data: await readFile(l.path),
        executable: true,
      })),
    )),
  ]);
  await writeFile(join(run.jobDir, 'initrd.cpio'), image);
  await copyFile(guest.kernel, join(run.jobDir, 'vmlinuz'));
  let reports = '';
  let exit: { code: number; signal: number } | null = null;
  let output = '';
  const filter = createConsoleFilter(
    (text) => {
      output += text;
      onOutput(text);
    },
    (line) => {
      if (line.startsWith('REPORT ')) reports += `${line.slice(7)}\n`;
      const m = /^EXIT (-?\d+) (\d+)$/.exec(line);
      if (m) exit = { code: Number(m[1]), signal: Number(m[2]) };
    },
  );
  const consoleFile = followConsoleFile(join(run.jobDir, CONSOLE), run.outputBytes, (text) =>
    filter.push(text),
  );
  const out = await runSandboxed({
    argv: [
      'qemu-system-x86_64',
      ...qemuArgs(
        `${SANDBOX_JOB_DIR}/vmlinuz`,
        `${SANDBOX_JOB_DIR}/initrd.cpio`,
        GUEST_MIB,
        `${SANDBOX_JOB_DIR}/${CONSOLE}`,
      ),
    ],
    jobDir: run.jobDir,
    // QEMU writes the console file there (its size bounded by the file-size limit).
    writable: true,
    host: run.host,
    limits: guestLimits(run.limits),
    user: run.user,
    outputBytes: run.outputBytes,
    onOutput: (stream, text) => {
      if (stream === 'stdout') filter.push(text);
    },
    signal: run.signal,
  });
  const { truncated } = await consoleFile.stop();
  filter.end();
  const ended = exit as { code: number; signal: number } | null;
  if (out.timedOut || out.aborted || ended === null)
    return {
      ...out,
      truncated: out.truncated || truncated,
      stdout: output,
      reports,
      exitCode: out.timedOut || out.aborted ? null : 70,
    };
  const signal =
    ended.signal > 0
      ? ((Object.entries(constants.signals).find(([, n]) => n === ended.signal)?.[0] ??
          null) as NodeJS.Signals | null)
      : null;
  return {
    ...out,
    truncated: out.truncated || truncated,
    stdout: output,
    reports,
    exitCode: signal === null ? ended.code : null,
    signal,
  };
}

/** What the qemu-mpk target offers: the same runtime, with keys the emulated CPU enforces. */
export function describeGuest(
  guest: GuestSetup,
  sandbox: { ok: true } | { ok: false; reason: string },
): TargetDescription {
  const missing = !guest.ok ? guest.reason : !sandbox.ok ? sandbox.reason : undefined;
  const reason = missing === undefined ? {} : { reason: missing };
  return {
    id: 'qemu-mpk',
    label: 'Linux guest under QEMU (emulated protection keys)',
    available: missing === undefined,
    ...reason,
    mechanisms: [
      {
        mechanism: 'fcalls',
        enforced: missing === undefined,
        label: 'function calls: nothing is separated',
        ...reason,
      },
      {
        mechanism: 'intel-mpk',
        enforced: missing === undefined,
        label: 'Intel MPK protection keys (emulated by QEMU)',
        ...reason,
      },
      {
        mechanism: 'vm-ept',
        enforced: false,
        label: 'page-table isolation (processes)',
        reason: 'runs on the native target',
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

/** The job's part of a guest run: its arguments and input, and the libraries it links. */
export function guestInput(
  job: Pick<JobRequest, 'args' | 'stdin'>,
  guest: Extract<GuestSetup, { ok: true }>,
  dynamic: boolean,
): Pick<GuestRun, 'args' | 'stdin' | 'libraries'> {
  return {
    args: job.args ?? [],
    stdin: job.stdin ?? '',
    ...(dynamic ? { libraries: guest.asanLibraries ?? [] } : {}),
  };
}
