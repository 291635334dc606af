/**
 * A case through the real `flexos` process (bin/flexos.mjs): the workspace written to a temp
 * directory, `flexos check DIR` and `flexos solve DIR` run. The exit status must be 0, 1 or 2
 * and stderr must not hold a JavaScript stack trace.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { FuzzCase } from './generate.ts';
import { shorten, type Failure } from './run-case.ts';
import { ROOT } from './sources.ts';

/** Writes the case's files below a fresh directory named after the workspace. */
export function writeCase(fc: FuzzCase, parent: string): string {
  const dir = join(parent, fc.name);
  for (const [path, text] of Object.entries(fc.files)) {
    const file = join(dir, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  mkdirSync(dir, { recursive: true });
  return dir;
}

function runBin(args: string[], timeoutMs: number) {
  return new Promise<{ status: number | null; signal: string | null; stderr: string }>(
    (resolve) => {
      execFile(
        process.execPath,
        [join(ROOT, 'bin', 'flexos.mjs'), ...args],
        { cwd: ROOT, timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' },
        (error, _stdout, stderr) => {
          const e = error as (Error & { code?: unknown; signal?: string | null }) | null;
          resolve({
            status: e ? (typeof e.code === 'number' ? e.code : null) : 0,
            signal: e?.signal ?? null,
            stderr: String(stderr),
          });
        },
      );
    },
  );
}

/** What a sampled process run found, and whether the installation itself was broken then. */
export interface ProcessResult {
  failures: Failure[];
  /**
   * Set when `flexos check` fails on a known-good example too (node_modules or src/ being
   * rewritten under the run, say): the failures are then not the case's, and are dropped.
   */
  environment: string | null;
}

/** Whether the bin works at all right now: `flexos check examples/hello` exits 0 quietly. */
async function controlProblem(timeoutMs: number): Promise<string | null> {
  const r = await runBin(['check', join(ROOT, 'examples', 'hello')], timeoutMs);
  if (r.status === 0 && !/^ {4}at /m.test(r.stderr)) return null;
  return `flexos check examples/hello: exit ${r.status}: ${firstLine(r.stderr)}`;
}

export async function runCliProcess(fc: FuzzCase, timeoutMs: number): Promise<ProcessResult> {
  const found = await runCommands(fc, timeoutMs);
  const environment = found.length > 0 ? await controlProblem(timeoutMs) : null;
  return { failures: environment ? [] : found, environment };
}

async function runCommands(fc: FuzzCase, timeoutMs: number): Promise<Failure[]> {
  const parent = mkdtempSync(join(tmpdir(), 'flexos-fuzz-'));
  const failures: Failure[] = [];
  try {
    const dir = writeCase(fc, parent);
    for (const command of ['check', 'solve']) {
      const stage = `process:${command}`;
      const r = await runBin([command, dir], timeoutMs);
      const base = { seed: fc.seed, kind: fc.kind, stage };
      if (r.signal !== null)
        failures.push({
          ...base,
          type: 'hang',
          message: `flexos ${command} killed (${r.signal}) after ${timeoutMs / 1000} s`,
        });
      else if (r.status !== 0 && r.status !== 1 && r.status !== 2)
        failures.push({
          ...base,
          type: 'bad-exit',
          message: `flexos ${command} exited ${r.status}: ${firstLine(r.stderr)}`,
        });
      if (/^ {4}at /m.test(r.stderr))
        failures.push({
          ...base,
          type: 'stack-trace',
          message: `flexos ${command}: ${firstLine(r.stderr)}`,
        });
    }
  } finally {
    rmSync(parent, { recursive: true, force: true });
  }
  return failures;
}

function firstLine(text: string): string {
  const line = text.split('\n').find((l) => /Error|error/.test(l)) ?? text.split('\n')[0] ?? '';
  return shorten(line, 200);
}
