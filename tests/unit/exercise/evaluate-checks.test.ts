import { describe, expect, it } from 'vitest';
import { parseConfigYaml } from '../../../src/core/config/index.ts';
import {
  evaluateChecks,
  parseExercise,
  type ExerciseFacts,
  type RunFacts,
} from '../../../src/core/exercise/index.ts';

/** minikv's placement: kv and libc in comp1, sched in comp2, netstack in comp3, Intel MPK. */
const CONFIG = parseConfigYaml(
  [
    'compartments:',
    '  - comp1: { mechanism: intel-mpk, default: true }',
    '  - comp2: { mechanism: intel-mpk }',
    '  - comp3: { mechanism: intel-mpk }',
    'libraries:',
    '  - kv: comp1',
    '  - libc: comp1',
    '  - sched: comp2',
    '  - netstack: comp3',
    '',
  ].join('\n'),
).config;

function statusOf(check: string, facts: Partial<ExerciseFacts> = {}) {
  const { exercise, diagnostics } = parseExercise(`title: T\nchecks:\n  - ${check}\n`);
  expect(diagnostics).toEqual([]);
  if (!exercise) throw new Error('no exercise');
  const all: ExerciseFacts = { errors: 0, config: CONFIG, frontier: {}, run: null, ...facts };
  const [result] = evaluateChecks(exercise, all);
  return result ? [result.status, result.detail] : [];
}

const RUN: RunFacts = {
  status: 'fault',
  output: 'app: crafted upload\nsecret intact: yes  \n',
  args: ['--crafted'],
  current: true,
};

describe('exercise checks', () => {
  it('no-errors counts the errors of the workspace', () => {
    expect(statusOf('no-errors: true')).toEqual(['pass', undefined]);
    expect(statusOf('no-errors: true', { errors: 2 })).toEqual(['fail', '2 errors in Problems.']);
  });

  it('apart passes when every pair is in different compartments', () => {
    expect(statusOf('apart: [sched, netstack, kv]')[0]).toBe('pass');
    expect(statusOf('apart: [sched, kv, libc]')).toEqual(['fail', 'kv and libc share comp1.']);
  });

  it('apart and together place unlisted libraries in the default compartment', () => {
    expect(statusOf('together: [kv, newlib]')[0]).toBe('pass');
    expect(statusOf('apart: [kv, newlib]')[0]).toBe('fail');
  });

  it('together passes when all share one compartment', () => {
    expect(statusOf('together: [kv, libc]')[0]).toBe('pass');
    expect(statusOf('together: [kv, libc, sched]')).toEqual([
      'fail',
      'kv is in comp1, sched in comp2.',
    ]);
  });

  it('compartments compares the count of compartments', () => {
    expect(statusOf('compartments: 3')[0]).toBe('pass');
    expect(statusOf('compartments: { at-most: 3 }')[0]).toBe('pass');
    expect(statusOf('compartments: { at-least: 3 }')[0]).toBe('pass');
    expect(statusOf('compartments: { at-most: 2 }')).toEqual([
      'fail',
      'The image has 3 compartments.',
    ]);
    expect(statusOf('compartments: 2')[0]).toBe('fail');
    expect(statusOf('compartments: { at-least: 4 }')[0]).toBe('fail');
  });

  it('mechanism is the image mechanism', () => {
    expect(statusOf('mechanism: intel-mpk')[0]).toBe('pass');
    expect(statusOf('mechanism: vmept')).toEqual(['fail', 'The image uses intel-mpk.']);
  });

  it('placement checks wait while the config cannot be read', () => {
    for (const check of [
      'apart: [a, b]',
      'together: [a, b]',
      'compartments: 1',
      'mechanism: fcalls',
    ])
      expect(statusOf(check, { config: null })[0]).toBe('pending');
  });

  it('frontier reads the exploration of the check', () => {
    const check = "frontier: '>=300000'";
    expect(statusOf(check)[0]).toBe('pending');
    const onIt = { 0: { status: 'ok', id: 'a | b', onFrontier: true, frontierSize: 5 } } as const;
    expect(statusOf(check, { frontier: onIt })[0]).toBe('pass');
    const off = { 0: { ...onIt[0], onFrontier: false } };
    expect(statusOf(check, { frontier: off })).toEqual([
      'fail',
      'a | b is not one of the 5 configurations of the frontier.',
    ]);
    const broken = { 0: { status: 'unavailable', reason: 'no space' } } as const;
    expect(statusOf(check, { frontier: broken })).toEqual(['pending', 'no space']);
  });

  it('run status is pending until a run with the same arguments on the current files', () => {
    const check = 'run: { status: fault, args: [--crafted] }';
    expect(statusOf(check)).toEqual(['pending', 'Run the program with --crafted.']);
    expect(statusOf(check, { run: { ...RUN, args: [] } })[0]).toBe('pending');
    expect(statusOf(check, { run: { ...RUN, current: false } })[0]).toBe('pending');
    expect(statusOf(check, { run: RUN })[0]).toBe('pass');
    expect(statusOf(check, { run: { ...RUN, status: 'ok' } })).toEqual([
      'fail',
      'The last run ended with ok.',
    ]);
  });

  it('run prints looks for a line containing the text', () => {
    expect(statusOf('run: { prints: "secret intact: yes" }', { run: RUN })[0]).toBe('pass');
    expect(statusOf('run: { prints: "secret intact: no" }', { run: RUN })[0]).toBe('fail');
    expect(statusOf('run: { prints: "upload secret" }', { run: RUN })[0]).toBe('fail');
  });

  it('labels say what a check asks, or its title', () => {
    const { exercise } = parseExercise(
      'title: T\nchecks:\n  - apart: [a, b, c]\n  - compartments: { at-most: 1 }\n  - run: { status: ok, prints: x, args: [-v] }\n  - mechanism: fcalls\n    title: Mine\n',
    );
    const facts: ExerciseFacts = { errors: 0, config: CONFIG, frontier: {}, run: null };
    expect(evaluateChecks(exercise!, facts).map((r) => r.label)).toEqual([
      'a, b and c in different compartments',
      'At most 1 compartment',
      'A run with -v ends with ok and prints “x”',
      'Mine',
    ]);
  });
});
