import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAnalysisApi } from '../../../workers/analysis-api.ts';
import type { Workspace } from '../../../src/core/pipeline/index.ts';

const noParser = () => Promise.reject(new Error('no parser in this test'));

function load(slug: string): Workspace {
  const dir = join(import.meta.dirname, '../../../examples', slug);
  const files: Record<string, string> = {};
  const walk = (d: string) => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else files[relative(dir, p)] = readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return { files, settings: { panel: 'lesson' } };
}

describe('the analysis worker and exercises', () => {
  it("answers each analysis with the exercise's checklist, frontier check included", async () => {
    const api = createAnalysisApi(noParser, () => 0);
    const ws = load('exercise-frontier');
    const first = await api.analyze(1, ws);
    expect(first.exercise?.results.map((r) => r.status)).toEqual(['pass', 'fail']);
    const hardened = (ws.files['config.yaml'] ?? '').replace(
      '  - sched: comp2',
      '  - sched: { compartment: comp2, hardening: [asan] }',
    );
    const edited = { ...ws, files: { ...ws.files, 'config.yaml': hardened } };
    const second = await api.analyze(2, edited);
    expect(second.exercise?.results.map((r) => r.status)).toEqual(['pass', 'pass']);
    // The edited config is judged against the same frontier of five.
    expect(second.exercise?.facts.frontier[1]).toMatchObject({ status: 'ok', frontierSize: 5 });
    const withoutExercise = { ...ws, files: { ...ws.files } };
    delete withoutExercise.files['exercise.yaml'];
    expect((await api.analyze(3, withoutExercise)).exercise).toBeUndefined();
  });

  it('reads an exercise title for the page, which has no YAML parser', () => {
    const api = createAnalysisApi(noParser, () => 0);
    expect(api.exerciseTitle("title: 'A: b'\nchecks:\n  - no-errors: true\n")).toBe('A: b');
    expect(api.exerciseTitle('checks: []\n')).toBeNull();
  });
});
