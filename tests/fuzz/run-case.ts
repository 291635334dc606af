/**
 * One workspace through the whole pipeline, in process: check, analyze, solve, port every C
 * file, build for every mechanism × sharing mode, explore (no labels, estimates under a
 * budget), and the CLI's check/solve/explore on an in-memory file system. Bad input must come
 * back as diagnostics, so a failure is: an exception (with the stage), a diagnostic code no
 * source of src/core declares, a span outside its file, a fix editing outside its file or
 * with overlapping edits, a result that does not survive structuredClone, a CLI exit status
 * other than 0/1/2, or a case over its time limit.
 */
import { MECHANISMS, SHARING_MODES, type Mechanism } from '../../src/core/model.ts';
import { applyEdits, type Diagnostic } from '../../src/core/diagnostics.ts';
import {
  analyzeWorkspace,
  buildWorkspace,
  checkWorkspace,
  convertConfig,
  exploreWorkspace,
  fileKind,
  planLibraryMove,
  portFile,
  solveWorkspace,
  type CParser,
  type Workspace,
} from '../../src/core/pipeline/index.ts';
import { main } from '../../src/cli/main.ts';
import { createMemoryIo } from '../unit/cli/memory-io.ts';
import type { CaseKind, FuzzCase } from './generate.ts';
import { diagnosticProblems, editsProblem } from './checks.ts';
import type { KnownCodes } from './sources.ts';

export type FailureType =
  | 'exception'
  | 'unknown-code'
  | 'bad-span'
  | 'bad-fix'
  | 'not-cloneable'
  | 'bad-exit'
  | 'stack-trace'
  | 'slow'
  | 'hang'
  | 'crash';

export interface Failure {
  seed: number;
  kind: CaseKind;
  /** `check`, `analyze`, `solve`, `port`, `build:<mechanism>:<sharing>`, `explore:<labels>`, `cli:<command>`, ... */
  stage: string;
  type: FailureType;
  /** What went wrong, with numbers kept (see `failureKey` for grouping). */
  message: string;
  /** The innermost frame under src/ of an exception's stack, or the file a span names. */
  where?: string;
}

export interface CaseReport {
  seed: number;
  kind: CaseKind;
  ms: number;
  /** Milliseconds per stage. */
  stages: Record<string, number>;
  failures: Failure[];
}

export interface RunOptions {
  parser: CParser;
  known: KnownCodes;
  /** A case slower than this is a failure (a hang detector, not a benchmark). */
  limitMs: number;
  /** Called as each stage starts, so a watchdog can say where a hang was. */
  onStage?: (stage: string) => void;
  /** Runs only the stages this accepts (the minimizer re-runs one stage). */
  only?: (stage: string) => boolean;
}

/** The innermost stack frame in src/, as `src/core/x.ts:12`. */
function whereOf(e: unknown): string | undefined {
  const stack = e instanceof Error ? (e.stack ?? '') : '';
  const m = /(src\/[\w/.-]+\.ts):(\d+)/.exec(stack);
  return m ? `${m[1]}:${m[2]}` : undefined;
}

/** A text short enough to print: long runs of one character (hostile input) collapsed. */
export function shorten(text: string, max = 300): string {
  const collapsed = text.replace(
    /(.)\1{15,}/gs,
    (run, c: string) => `${c.repeat(3)}…(${run.length})`,
  );
  return collapsed.length > max ? `${collapsed.slice(0, max)}…` : collapsed;
}

function messageOf(e: unknown): string {
  return shorten(e instanceof Error ? `${e.name}: ${e.message}` : String(e));
}

/** The config file with every compartment's mechanism replaced by `mechanism`. */
export function withMechanism(ws: Workspace, mechanism: Mechanism): Workspace {
  const files = { ...ws.files };
  const config = files['config.yaml'];
  if (config !== undefined)
    files['config.yaml'] = config.replace(
      /(\bmechanism[ \t]*:[ \t]*)([^\s#,{}[\]]+)/g,
      (_m, key: string) => `${key}${mechanism}`,
    );
  const kraft = files['kraft.yaml'];
  if (kraft !== undefined)
    files['kraft.yaml'] = kraft.replace(
      /(\bdriver[ \t]*:[ \t]*)([^\s#,{}[\]]+)/g,
      (_m, key: string) => `${key}${mechanism}`,
    );
  return { ...ws, files };
}

/** The workload's baseline, for a budget the estimates can meet (half of it). */
function budgetFor(ws: Workspace): string {
  const m = /^baseline:\s*(\d+)/m.exec(ws.files['workload.yaml'] ?? '');
  return `>=${m ? Math.floor(Number(m[1]) / 2) : 1}`;
}

export async function runCase(fc: FuzzCase, options: RunOptions): Promise<CaseReport> {
  const { parser, known } = options;
  const ws: Workspace = { files: fc.files, name: fc.name, settings: { panel: 'graph' } };
  const failures: Failure[] = [];
  const stages: Record<string, number> = {};
  const fail = (stage: string, type: FailureType, message: string, where?: string) =>
    failures.push({
      seed: fc.seed,
      kind: fc.kind,
      stage,
      type,
      message,
      ...(where ? { where } : {}),
    });

  const checkDiagnostics = (
    stage: string,
    list: readonly Diagnostic[],
    files: Record<string, string> = ws.files,
  ) => {
    for (const p of diagnosticProblems(list, files, known)) fail(stage, p.type, p.message, p.where);
  };
  const cloneable = (stage: string, value: unknown) => {
    try {
      structuredClone(value);
    } catch (e) {
      fail(stage, 'not-cloneable', messageOf(e));
    }
  };
  const run = async (stage: string, body: () => unknown): Promise<void> => {
    if (options.only && !options.only(stage)) return;
    options.onStage?.(stage);
    const t = performance.now();
    try {
      await body();
    } catch (e) {
      fail(stage, 'exception', messageOf(e), whereOf(e));
    }
    stages[stage] = (stages[stage] ?? 0) + (performance.now() - t);
  };

  const started = performance.now();
  await run('check', () => {
    const r = checkWorkspace(ws);
    checkDiagnostics('check', r.diagnostics);
    cloneable('check', r);
  });
  await run('analyze', () => {
    const r = analyzeWorkspace(ws, { parser, now: () => performance.now() });
    checkDiagnostics('analyze', r.diagnostics);
    cloneable('analyze', r);
  });
  await run('solve', () => {
    const r = solveWorkspace(ws);
    if (r.status === 'ok') {
      // What the proposal still breaks is told in the proposal's text.
      checkDiagnostics('solve', r.remaining, { ...ws.files, [r.configFile]: r.text });
      const p = editsProblem(r.edits, ws.files);
      if (p) fail('solve', 'bad-fix', `solution ${p}`);
    } else checkDiagnostics('solve', r.diagnostics);
    cloneable('solve', r);
  });
  await run('move', () => {
    const config = checkWorkspace(ws, { fixes: false }).config;
    if (!config) return;
    const targets = [null, ...config.compartments.map((c) => c.name)];
    for (const [i, lib] of config.libraries.slice(0, 3).entries()) {
      const move = planLibraryMove(ws, lib.name, targets[(fc.seed + i) % targets.length] ?? null);
      if (!move) continue;
      const p = editsProblem(move.edits, ws.files);
      if (p) {
        fail('move', 'bad-fix', `${move.title}: ${p}`);
        continue;
      }
      const moved = { ...ws.files };
      for (const [file, text] of Object.entries(moved))
        moved[file] = applyEdits(
          text,
          move.edits.filter((e) => e.file === file),
        );
      checkDiagnostics('move', checkWorkspace({ ...ws, files: moved }).diagnostics, moved);
    }
  });
  await run('convert', () => {
    for (const [from, to, back] of [
      ['config.yaml', 'kraft', 'kraft.yaml'],
      ['kraft.yaml', 'config', 'config.yaml'],
    ] as const) {
      const text = ws.files[from];
      if (text === undefined) continue;
      const r = convertConfig(text, from, to);
      checkDiagnostics('convert', r.diagnostics);
      if (r.status !== 'ok') continue;
      const again = convertConfig(r.text, back, to === 'kraft' ? 'config' : 'kraft');
      checkDiagnostics('convert', again.diagnostics, { [back]: r.text });
    }
  });
  const cFiles = Object.keys(ws.files)
    .filter((p) => fileKind(p) === 'c')
    .sort();
  for (const [i, path] of cFiles.entries()) {
    await run('port', () => {
      const r = portFile(ws, parser, { path, applyFixes: i % 2 === 1 });
      checkDiagnostics('port', r.diagnostics);
      if (r.status === 'ok') {
        const p = editsProblem(r.edits, ws.files);
        if (p) fail('port', 'bad-fix', `${path}: port ${p}`);
      }
    });
  }
  for (const mechanism of MECHANISMS) {
    const built = withMechanism(ws, mechanism);
    for (const sharing of SHARING_MODES) {
      const stage = `build:${mechanism}:${sharing}`;
      await run(stage, () => {
        const r = buildWorkspace(built, parser, { sharing });
        checkDiagnostics(stage, r.diagnostics, built.files);
      });
    }
  }
  const order = fc.seed % 2 === 0 ? 'flexos' : 'product';
  await run('explore:none', async () => {
    const r = await exploreWorkspace(ws, { order, labels: 'none' }, { parser });
    checkDiagnostics('explore:none', r.diagnostics);
    cloneable('explore:none', r);
  });
  await run('explore:estimate', async () => {
    const request = {
      order,
      labels: 'estimate',
      budget: budgetFor(ws),
      lazy: fc.seed % 3 === 0,
    } as const;
    const r = await exploreWorkspace(ws, request, { parser });
    checkDiagnostics('explore:estimate', r.diagnostics);
  });
  await runCli(fc, ws, run, fail);
  const ms = performance.now() - started;
  if (ms > options.limitMs) {
    const slowest = Object.entries(stages)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 2)
      .map(([s, t]) => `${s} ${(t / 1000).toFixed(1)} s`)
      .join(', ');
    const stage = Object.entries(stages).sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'case';
    fail(
      stage,
      'slow',
      `case took ${(ms / 1000).toFixed(1)} s, over the ${options.limitMs / 1000} s limit (${slowest})`,
    );
  }
  return { seed: fc.seed, kind: fc.kind, ms, stages, failures };
}

/** `flexos check|solve|explore` on the workspace in memory: exit 0, 1 or 2, never a throw. */
async function runCli(
  fc: FuzzCase,
  ws: Workspace,
  run: (stage: string, body: () => unknown) => Promise<void>,
  fail: (stage: string, type: FailureType, message: string) => void,
): Promise<void> {
  const dir = fc.name;
  const files = () =>
    Object.fromEntries(Object.entries(ws.files).map(([p, t]) => [`${dir}/${p}`, t]));
  const explore = ['explore', dir];
  if (ws.files['workload.yaml'] !== undefined && fc.seed % 2 === 1)
    explore.push('--estimate', '--budget', budgetFor(ws));
  const commands: string[][] = [
    fc.seed % 2 === 0 ? ['check', dir] : ['check', dir, '--json'],
    ['solve', dir, ...(fc.seed % 3 === 0 ? ['--json'] : [])],
    explore,
  ];
  for (const argv of commands) {
    const stage = `cli:${argv[0]}`;
    await run(stage, async () => {
      const io = createMemoryIo(files());
      const status = await main(argv, io);
      if (status !== 0 && status !== 1 && status !== 2)
        fail(stage, 'bad-exit', `flexos ${argv.join(' ')} exited ${status}`);
      if (/^ {4}at /m.test(io.stderr))
        fail(stage, 'stack-trace', `flexos ${argv.join(' ')} printed a stack trace`);
    });
  }
}

/** Groups failures: the stage family, the type, the message with numbers and quotes blurred. */
export function failureKey(f: Failure): string {
  const stage = f.stage.replace(/^(build):.*$/, '$1');
  // A slow case or a hang is one cause per stage, whatever the timings in parentheses.
  const timed = f.type === 'slow' || f.type === 'hang';
  const message = (timed ? f.message.replace(/\s*\(.*\)$/, '') : f.message)
    .replace(/'[^']*'/g, "'…'")
    .replace(/"[^"]*"/g, '"…"')
    .replace(/regular expression: \/.*\/[a-z]*/, 'regular expression: /…/')
    .replace(/\d+(\.\d+)?/g, 'N')
    .slice(0, 120);
  return `${stage} | ${f.type} | ${message}${f.where ? ` @ ${f.where.replace(/:\d+$/, '')}` : ''}`;
}
