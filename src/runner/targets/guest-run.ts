import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { constants } from 'node:os';
import { join } from 'node:path';
import type { ProcessLimits, TargetDescription } from '../api/schemas.ts';
import { PROGRAM } from '../build/compile.ts';
import { initramfs } from '../qemu/initramfs.ts';
import { createConsoleFilter, qemuArgs } from '../qemu/guest.ts';
import { SANDBOX_JOB_DIR, type SandboxHost } from '../sandbox/bwrap-args.ts';
import { runSandboxed, type SandboxOutcome } from '../sandbox/sandbox.ts';
import type { GuestSetup } from './guest-setup.ts';

export interface GuestRun {
  jobDir: string;
  host: SandboxHost;
  limits: ProcessLimits;
  user: { uid: number; gid: number } | null;
  outputBytes: number;
  signal: AbortSignal;
  args: string[];
  stdin: string;
}

const GUEST_MIB = 256;
const MiB = 1024 * 1024;

/**
 * The job's limits for QEMU itself: the guest's memory and QEMU's translation cache on top of
 * the program's address space, and its boot (about 2 s of one core) on top of its time.
 */
function guestLimits(limits: ProcessLimits): ProcessLimits {
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
  const out = await runSandboxed({
    argv: [
      'qemu-system-x86_64',
      ...qemuArgs(`${SANDBOX_JOB_DIR}/vmlinuz`, `${SANDBOX_JOB_DIR}/initrd.cpio`, GUEST_MIB),
    ],
    jobDir: run.jobDir,
    writable: false,
    host: run.host,
    limits: guestLimits(run.limits),
    user: run.user,
    outputBytes: run.outputBytes,
    onOutput: (stream, text) => {
      if (stream === 'stdout') filter.push(text);
    },
    signal: run.signal,
  });
  filter.end();
  const ended = exit as { code: number; signal: number } | null;
  if (out.timedOut || out.aborted || ended === null)
    return { ...out, stdout: output, reports, exitCode: out.timedOut || out.aborted ? null : 70 };
  const signal =
    ended.signal > 0
      ? ((Object.entries(constants.signals).find(([, n]) => n === ended.signal)?.[0] ??
          null) as NodeJS.Signals | null)
      : null;
  return {
    ...out,
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
