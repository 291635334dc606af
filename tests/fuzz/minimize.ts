/**
 * Shrinks a failing case to a small workspace with the same failure (same `failureKey`):
 * drops whole files, then chunks of lines of each file, then chunks of tokens, re-running
 * only the failing stage each time. For exceptions, undeclared codes and bad spans; a slow
 * case or a hang would make every try as slow.
 */
import type { FuzzCase } from './generate.ts';
import { failureKey, runCase, type Failure, type RunOptions } from './run-case.ts';

export interface Minimized {
  files: Record<string, string>;
  tries: number;
}

/** Removes chunks of `units` (lines or characters) while `keep` still holds. */
async function shrink(
  units: string[],
  join: (u: string[]) => string,
  keep: (text: string) => Promise<boolean>,
): Promise<string[]> {
  let current = units;
  for (
    let size = Math.max(1, Math.floor(current.length / 2));
    size >= 1;
    size = Math.floor(size / 2)
  ) {
    let i = 0;
    while (i < current.length) {
      const candidate = [...current.slice(0, i), ...current.slice(i + size)];
      if (candidate.length < current.length && (await keep(join(candidate)))) current = candidate;
      else i += size;
    }
  }
  return current;
}

export async function minimizeCase(
  fc: FuzzCase,
  target: Failure,
  options: RunOptions,
  maxTries = 3000,
): Promise<Minimized> {
  const key = failureKey(target);
  let tries = 0;
  const fails = async (files: Record<string, string>): Promise<boolean> => {
    if (tries >= maxTries) return false;
    tries++;
    const r = await runCase({ ...fc, files }, { ...options, only: (s) => s === target.stage });
    return r.failures.some((f) => failureKey(f) === key);
  };
  let files = { ...fc.files };
  for (const path of Object.keys(files).sort()) {
    const { [path]: _dropped, ...rest } = files;
    if (await fails(rest)) files = rest;
  }
  for (const path of Object.keys(files).sort()) {
    const keepWith = (text: string) => fails({ ...files, [path]: text });
    const lines = await shrink((files[path] ?? '').split('\n'), (u) => u.join('\n'), keepWith);
    files = { ...files, [path]: lines.join('\n') };
    // Then C-like tokens, once lines are few: a try per token of a long file is too many.
    if ((files[path] ?? '').length > 3000) continue;
    const tokens = (files[path] ?? '').match(/\s+|\w+|[^\w\s]/gu) ?? [];
    const kept = await shrink(tokens, (u) => u.join(''), keepWith);
    files = { ...files, [path]: kept.join('') };
  }
  return { files, tries };
}
