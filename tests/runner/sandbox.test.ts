import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/runner/limits.ts';
import { bwrapArgs, prlimitArgs } from '../../src/runner/sandbox/bwrap-args.ts';
import { runSandboxed } from '../../src/runner/sandbox/sandbox.ts';

const host = { rtDir: '/nonexistent/rt', reaper: '/nonexistent/reaper' };

describe('sandbox arguments', () => {
  it('unshares everything, drops capabilities and shows only /usr, /job, /rt, /tmp', () => {
    const args = bwrapArgs({ jobDir: '/x/job', writable: false, host }, DEFAULT_LIMITS.run);
    for (const flag of [
      '--unshare-all',
      '--unshare-user',
      '--disable-userns',
      '--die-with-parent',
      '--new-session',
      '--clearenv',
    ])
      expect(args).toContain(flag);
    expect(args.join(' ')).toContain('--cap-drop ALL');
    expect(args.join(' ')).toContain('--ro-bind /x/job /job');
    expect(args.join(' ')).toContain('--ro-bind /nonexistent/rt /rt');
    expect(args.join(' ')).toContain(`--size ${DEFAULT_LIMITS.run.tmpBytes} --tmpfs /tmp`);
    const binds = args.flatMap((a, i) =>
      a === '--bind' || a === '--ro-bind' ? [args[i + 1]] : [],
    );
    expect(
      binds.every((b) =>
        [
          '/usr',
          '/x/job',
          '/nonexistent/rt',
          '/etc/ld.so.cache',
          '/bin',
          '/sbin',
          '/lib',
          '/lib32',
          '/lib64',
          '/libx32',
        ].includes(b ?? ''),
      ),
    ).toBe(true);
    const writable = bwrapArgs({ jobDir: '/x/job', writable: true, host }, DEFAULT_LIMITS.compile);
    expect(writable.join(' ')).toContain('--bind /x/job /job');
  });

  it('limits CPU (SIGXCPU, then SIGKILL a second later), memory, processes, files', () => {
    expect(prlimitArgs({ ...DEFAULT_LIMITS.run, cpuSeconds: 2 })).toEqual([
      '--cpu=2:3',
      `--as=${DEFAULT_LIMITS.run.memoryBytes}`,
      `--nproc=${DEFAULT_LIMITS.run.processes}`,
      `--fsize=${DEFAULT_LIMITS.run.fileSizeBytes}`,
      `--nofile=${DEFAULT_LIMITS.run.openFiles}`,
      '--core=0',
    ]);
  });

  it('reports a sandbox that cannot start as a failed command, not a hang or a throw', async () => {
    const out = await runSandboxed({
      argv: ['true'],
      jobDir: '/nonexistent/job',
      writable: false,
      host,
      limits: DEFAULT_LIMITS.run,
      user: null,
      outputBytes: 1024,
    });
    expect(out.exitCode).toBe(127);
    expect(out.stderr).toMatch(/could not be started/);
  });
});
