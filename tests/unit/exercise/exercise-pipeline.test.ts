import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  analyzeWorkspace,
  checkWorkspace,
  decodeSolution,
  deriveGoalChecks,
  encodeSolution,
  evaluateExercise,
  exerciseKey,
  isReadOnlyPath,
  parseExercise,
  printExercise,
  solveWorkspace,
  type Workspace,
} from '../../../src/core/pipeline/index.ts';

const EXAMPLES = join(import.meta.dirname, '../../../examples');

function load(slug: string): Workspace {
  const dir = join(EXAMPLES, slug);
  const files: Record<string, string> = {};
  const walk = (d: string) => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else files[relative(dir, p)] = readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return { files, settings: { panel: 'graph' }, name: slug };
}

const EXERCISES = readdirSync(EXAMPLES).filter((d) =>
  statSync(join(EXAMPLES, d, 'exercise.yaml'), { throwIfNoEntry: false })?.isFile(),
);

async function statuses(ws: Workspace, run: Parameters<typeof evaluateExercise>[2] = {}) {
  const analysis = analyzeWorkspace(ws);
  const evaluation = await evaluateExercise(ws, analysis, run);
  return evaluation?.results.map((r) => r.status);
}

describe('exercises shipped as examples', () => {
  it('there are at least three', () => {
    expect(EXERCISES.length).toBeGreaterThanOrEqual(3);
  });

  for (const slug of EXERCISES) {
    it(`${slug}: the start has no problems and fails a check; its solution passes them all`, async () => {
      const ws = load(slug);
      expect(checkWorkspace(ws).diagnostics).toEqual([]);
      const start = await statuses(ws);
      expect(start?.every((s) => s === 'pass')).toBe(false);
      const { exercise } = parseExercise(ws.files['exercise.yaml'] ?? '');
      const solution = decodeSolution(exercise?.solution ?? '');
      expect(solution).not.toBeNull();
      for (const path of Object.keys(solution ?? {}))
        expect(isReadOnlyPath(exercise!, path), path).toBe(false);
      const solved = { ...ws, files: { ...ws.files, ...solution } };
      // A run check is decided by a run: the solution's run is what the exercise asks for.
      const runCheck = exercise?.checks.find((c) => c.kind === 'run');
      const run =
        runCheck?.kind === 'run'
          ? {
              status: runCheck.status ?? 'ok',
              output: runCheck.prints ?? '',
              args: runCheck.args,
              current: true,
            }
          : null;
      expect(await statuses(solved, { run })).toEqual(exercise?.checks.map(() => 'pass'));
    });
  }
});

describe('exercise.yaml in the workspace check', () => {
  it('reports unknown libraries, unknown read-only paths, a frontier without a space, a bad solution', () => {
    const ws = load('hello');
    const text =
      'title: T\nread-only: [libs/nope/]\nchecks:\n  - apart: [app, hellp]\n  - frontier: ">=1"\nsolution: "@@"\n';
    ws.files['exercise.yaml'] = text;
    const found = checkWorkspace(ws).diagnostics.filter((d) => d.span.file === 'exercise.yaml');
    expect(found.map((d) => [d.code, text.slice(d.span.start, d.span.end)])).toEqual([
      ['exercise/unknown-file', 'libs/nope/'],
      ['exercise/unknown-library', 'apart: [app, hellp]'],
      ['exercise/needs-space', 'frontier: ">=1"'],
      ['exercise/bad-solution', '"@@"'],
    ]);
  });
});

describe('the teacher view', () => {
  it('derives the goal from the current config: conflicts kept apart, count, mechanism', async () => {
    const ws = load('minikv');
    const { config } = checkWorkspace(ws);
    const solution = solveWorkspace(ws);
    if (solution.status !== 'ok') throw new Error('minikv has a config');
    const checks = deriveGoalChecks(config!, solution.conflicts);
    expect(checks).toEqual([
      { kind: 'no-errors' },
      { kind: 'apart', libraries: ['libc', 'sched'] },
      { kind: 'apart', libraries: ['netstack', 'sched'] },
      { kind: 'compartments', op: 'at-most', count: 3 },
      { kind: 'mechanism', mechanism: 'intel-mpk' },
    ]);
    const draft = { title: 'Goal', instructions: '', readOnly: [], hints: [], checks };
    const withGoal = { ...ws, files: { ...ws.files, 'exercise.yaml': printExercise(draft) } };
    expect(await statuses(withGoal)).toEqual(['pass', 'pass', 'pass', 'pass', 'pass']);
  });

  it('encodes a solution and reads it back, any text', () => {
    const files = { 'config.yaml': 'name: é 漢字 🙂\n', 'libs/a/a.c': '' };
    expect(decodeSolution(encodeSolution(files))).toEqual(files);
    expect(decodeSolution('not base64 !')).toBeNull();
    expect(decodeSolution(encodeSolution(files).slice(0, 10))).toBeNull();
  });

  it('names a starting state by its files, in any order', () => {
    const a = exerciseKey({ 'a.c': 'x', 'b.c': 'y' });
    expect(exerciseKey({ 'b.c': 'y', 'a.c': 'x' })).toBe(a);
    expect(exerciseKey({ 'a.c': 'x', 'b.c': 'z' })).not.toBe(a);
    expect(exerciseKey({ 'a.cx': '', 'b.c': 'y' })).not.toBe(
      exerciseKey({ 'a.c': 'x', 'b.c': 'y' }),
    );
  });
});
