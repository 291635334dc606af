import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** What the host offers the native target. */
export interface HostFeatures {
  /** The CPU has protection keys and the kernel enabled them (`pku` and `ospke`). */
  pku: boolean;
  /** `gcc` runs. */
  gcc: boolean;
}

/** Reads the CPU flags of /proc/cpuinfo and checks for gcc; never throws. */
export function detectHost(cpuinfo?: string): HostFeatures {
  let text = cpuinfo;
  if (text === undefined) {
    try {
      text = readFileSync('/proc/cpuinfo', 'utf8');
    } catch {
      text = '';
    }
  }
  const flags = new Set(
    (/^flags\s*:(.*)$/m.exec(text)?.[1] ?? '').trim().split(/\s+/).filter(Boolean),
  );
  const gcc = spawnSync('gcc', ['--version'], { stdio: 'ignore' });
  return { pku: flags.has('pku') && flags.has('ospke'), gcc: !gcc.error && gcc.status === 0 };
}
