import { existsSync, lstatSync, readlinkSync } from 'node:fs';
import type { ProcessLimits } from '../api/schemas.ts';

/** Where things appear inside the sandbox. */
export const SANDBOX_JOB_DIR = '/job';
export const SANDBOX_RT_DIR = '/rt';

/** What one sandboxed command sees of the host. */
export interface SandboxMounts {
  /** Host directory mounted at /job: the only place that may be writable. */
  jobDir: string;
  /** Whether /job is writable (the compiler writes objects) or read-only (the program runs). */
  writable: boolean;
  /** What every sandboxed command needs of the host. */
  host: SandboxHost;
}

/** The runner's own files a sandboxed command uses. */
export interface SandboxHost {
  /** Host directory of the C runtime, mounted read-only at /rt. */
  rtDir: string;
  /** The compiled reaper (`reaper.c`), the parent of every sandboxed command. */
  reaper: string;
}

/**
 * The system directories, mounted read-only as the host has them: Debian 12 merges /usr, so
 * /bin, /lib, /lib64 and /sbin are symbolic links into it (`--symlink usr/bin /bin`); a host
 * where they are directories gets them bound read-only instead. Nothing else of the host is
 * visible: no /etc beyond the dynamic loader's cache, no /home, /root, /var, /run or /work.
 */
function systemMounts(): string[] {
  const args = ['--ro-bind', '/usr', '/usr'];
  for (const dir of ['/bin', '/sbin', '/lib', '/lib32', '/lib64', '/libx32']) {
    if (!existsSync(dir)) continue;
    const st = lstatSync(dir);
    if (st.isSymbolicLink()) args.push('--symlink', readlinkSync(dir), dir);
    else if (st.isDirectory()) args.push('--ro-bind', dir, dir);
  }
  if (existsSync('/etc/ld.so.cache'))
    args.push('--ro-bind', '/etc/ld.so.cache', '/etc/ld.so.cache');
  return args;
}

let systemMountsMemo: string[] | undefined;

/**
 * bubblewrap's arguments for one command: every namespace unshared (no network, its own
 * PIDs, IPC, hostname, user), no capabilities, no new user namespaces inside, a new session
 * (no terminal to inject input into), killed with its parent, a clean environment, a private
 * size-limited /tmp, the job directory at /job and the runtime at /rt.
 */
export function bwrapArgs(mounts: SandboxMounts, limits: ProcessLimits): string[] {
  systemMountsMemo ??= systemMounts();
  return [
    '--unshare-all',
    '--unshare-user',
    '--disable-userns',
    '--die-with-parent',
    '--new-session',
    '--cap-drop',
    'ALL',
    '--hostname',
    'flexos',
    '--clearenv',
    '--setenv',
    'PATH',
    '/usr/bin:/bin',
    '--setenv',
    'HOME',
    '/tmp',
    '--setenv',
    'TMPDIR',
    '/tmp',
    '--setenv',
    'LANG',
    'C.UTF-8',
    ...systemMountsMemo,
    '--proc',
    '/proc',
    '--dev',
    '/dev',
    '--size',
    String(limits.tmpBytes),
    '--tmpfs',
    '/tmp',
    mounts.writable ? '--bind' : '--ro-bind',
    mounts.jobDir,
    SANDBOX_JOB_DIR,
    '--ro-bind',
    mounts.host.rtDir,
    SANDBOX_RT_DIR,
    '--chdir',
    SANDBOX_JOB_DIR,
  ];
}

/**
 * prlimit's arguments: CPU seconds (SIGXCPU at the limit, SIGKILL a second later), address
 * space, processes of the sandbox user, file size, open files, no core files.
 */
export function prlimitArgs(limits: ProcessLimits): string[] {
  return [
    `--cpu=${limits.cpuSeconds}:${limits.cpuSeconds + 1}`,
    `--as=${limits.memoryBytes}`,
    `--nproc=${limits.processes}`,
    `--fsize=${limits.fileSizeBytes}`,
    `--nofile=${limits.openFiles}`,
    '--core=0',
  ];
}
