import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEdits, type Diagnostic } from '../../../src/core/diagnostics.ts';
import {
  EXERCISE_CODES,
  parseExercise,
  printExercise,
  type ExerciseDraft,
} from '../../../src/core/exercise/index.ts';

const HEAD = 'title: T\nchecks:\n';

/** Each diagnostic as its code, severity and the text its span covers. */
function found(text: string, diagnostics: Diagnostic[]) {
  return diagnostics.map((d) => ({
    code: d.code,
    severity: d.severity,
    at: text.slice(d.span.start, d.span.end),
  }));
}

describe('exercise.yaml', () => {
  it('reads every key and every kind of check', () => {
    const text = [
      'title: Apart',
      'instructions: |',
      '  Move **netstack**.',
      'read-only: [components/, libs/kv/kv.c]',
      'hints: [first, second]',
      'checks:',
      '  - no-errors: true',
      '  - apart: [sched, netstack]',
      '    title: Keep them apart',
      '  - together: [kv, libc]',
      '  - compartments: { at-most: 2 }',
      '  - compartments: 3',
      '  - mechanism: intel-pku',
      "  - frontier: '>=300000'",
      '  - frontier: { budget: "<=120", order: product }',
      '  - run: { status: fault, args: [--crafted] }',
      '  - run: { prints: secret intact }',
      'solution: abc',
      '',
    ].join('\n');
    const { exercise, diagnostics } = parseExercise(text);
    expect(diagnostics).toEqual([]);
    expect(exercise?.title).toBe('Apart');
    expect(exercise?.instructions).toBe('Move **netstack**.\n');
    expect(exercise?.readOnly).toEqual(['components/', 'libs/kv/kv.c']);
    expect(exercise?.hints).toEqual(['first', 'second']);
    expect(exercise?.solution).toBe('abc');
    const checks = exercise?.checks.map(({ span, ...c }) => ({
      ...c,
      at: text.slice(span.start, span.end).split('\n')[0],
    }));
    expect(checks).toEqual([
      { kind: 'no-errors', at: 'no-errors: true' },
      {
        kind: 'apart',
        libraries: ['sched', 'netstack'],
        title: 'Keep them apart',
        at: 'apart: [sched, netstack]',
      },
      { kind: 'together', libraries: ['kv', 'libc'], at: 'together: [kv, libc]' },
      { kind: 'compartments', op: 'at-most', count: 2, at: 'compartments: { at-most: 2 }' },
      { kind: 'compartments', op: 'exactly', count: 3, at: 'compartments: 3' },
      { kind: 'mechanism', mechanism: 'intel-mpk', at: 'mechanism: intel-pku' },
      { kind: 'frontier', budget: '>=300000', order: 'flexos', at: "frontier: '>=300000'" },
      {
        kind: 'frontier',
        budget: '<=120',
        order: 'product',
        at: 'frontier: { budget: "<=120", order: product }',
      },
      {
        kind: 'run',
        status: 'fault',
        args: ['--crafted'],
        at: 'run: { status: fault, args: [--crafted] }',
      },
      { kind: 'run', prints: 'secret intact', args: [], at: 'run: { prints: secret intact }' },
    ]);
  });

  it('suggests the nearest key for a misspelt top-level key and check kind', () => {
    const text = `titel: T\nchecks:\n  - aprat: [a, b]\n`;
    const { diagnostics } = parseExercise(text);
    expect(found(text, diagnostics)).toEqual([
      { code: 'exercise/unknown-key', severity: 'error', at: 'titel' },
      { code: 'exercise/missing-key', severity: 'error', at: '' },
      { code: 'exercise/unknown-key', severity: 'error', at: 'aprat' },
    ]);
    const fixes = diagnostics.map((d) =>
      d.fixes?.[0] ? applyEdits(text, d.fixes[0].edits) : null,
    );
    expect(fixes[0]).toBe(text.replace('titel', 'title'));
    expect(fixes[2]).toBe(text.replace('aprat', 'apart'));
  });

  it('suggests the nearest value for a misspelt mechanism, run status and order', () => {
    const text = `${HEAD}  - mechanism: intel-mkp\n  - run: { status: faul }\n  - frontier: { budget: '>=1', order: flexo }\n`;
    const { exercise, diagnostics } = parseExercise(text);
    expect(found(text, diagnostics)).toEqual([
      { code: 'exercise/bad-value', severity: 'error', at: 'intel-mkp' },
      { code: 'exercise/bad-value', severity: 'error', at: 'faul' },
      { code: 'exercise/bad-value', severity: 'error', at: 'flexo' },
    ]);
    expect(diagnostics.map((d) => d.fixes?.[0]?.title)).toEqual([
      "Change to 'intel-mpk'",
      "Change to 'fault'",
      "Change to 'flexos'",
    ]);
    expect(exercise?.checks).toEqual([]);
  });

  it('reports bad values at their place', () => {
    const text = [
      HEAD.trimEnd(),
      '  - no-errors: false',
      '  - apart: [sched]',
      '  - compartments: { at-most: 0 }',
      '  - compartments: { fewest: 2 }',
      "  - frontier: 'fast'",
      '  - run: { args: [x] }',
      '  - apart: [a, b]',
      '    mechanism: fcalls',
      '  - just words',
      '  - title: only a title',
      '',
    ].join('\n');
    const { diagnostics } = parseExercise(text);
    expect(found(text, diagnostics)).toEqual([
      { code: 'exercise/bad-value', severity: 'error', at: 'false' },
      { code: 'exercise/bad-value', severity: 'error', at: '[sched]' },
      { code: 'exercise/bad-value', severity: 'error', at: '0' },
      { code: 'exercise/unknown-key', severity: 'error', at: 'fewest' },
      { code: 'exercise/bad-value', severity: 'error', at: "'fast'" },
      { code: 'exercise/missing-key', severity: 'error', at: 'run' },
      { code: 'exercise/one-check-per-item', severity: 'error', at: 'mechanism' },
      { code: 'exercise/wrong-type', severity: 'error', at: 'just words' },
      { code: 'exercise/unknown-check', severity: 'error', at: 'title' },
    ]);
  });

  it('needs a map, a title and at least one check', () => {
    expect(parseExercise('- a\n').diagnostics.map((d) => d.code)).toEqual(['exercise/not-a-map']);
    expect(parseExercise('title: T\nchecks: []\n').diagnostics.map((d) => d.code)).toEqual([
      'exercise/bad-value',
    ]);
    const { exercise, diagnostics } = parseExercise('checks:\n  - no-errors: true\n');
    expect(exercise).toBeUndefined();
    expect(diagnostics.map((d) => d.code)).toEqual(['exercise/missing-key']);
  });

  it('reads back what the teacher view prints', () => {
    const draft: ExerciseDraft = {
      title: 'A "quoted" title: with colon',
      instructions: 'Line one.\n\n- a list\n',
      readOnly: ['components/', 'libs/a b.c'],
      hints: ['Try: this', '#not a comment'],
      checks: [
        { kind: 'no-errors' },
        { kind: 'apart', libraries: ['sched', 'netstack'], title: 'Apart: now' },
        { kind: 'compartments', op: 'at-most', count: 2 },
        { kind: 'mechanism', mechanism: 'vm-ept' },
        { kind: 'frontier', budget: '>=300000', order: 'product' },
        { kind: 'run', status: 'ok', prints: 'say "hi"', args: ['--crafted', 'two words'] },
      ],
      solution: 'eyJmaWxlcyI6e319',
    };
    const { exercise, diagnostics } = parseExercise(printExercise(draft));
    expect(diagnostics).toEqual([]);
    expect({ ...exercise, checks: exercise?.checks.map(({ span: _, ...c }) => c) }).toEqual({
      ...draft,
      instructions: 'Line one.\n\n- a list\n',
    });
  });

  it('never throws and uses only its own codes, on any input', () => {
    const codes = new Set<string>(EXERCISE_CODES);
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (tail) => {
        const { diagnostics } = parseExercise(`${HEAD}  - ${tail}`);
        for (const d of diagnostics) expect(codes.has(d.code), d.code).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
