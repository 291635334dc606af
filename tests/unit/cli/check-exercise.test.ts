import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import { createMemoryIo } from './memory-io.ts';

const CONFIG = `compartments:
  - comp1: { mechanism: intel-mpk, default: true }
  - comp2: { mechanism: intel-mpk }
libraries:
  - app: comp1
  - parser: comp2
`;

const META = '[Memory access] Read(Own,Shared); Write(Own,Shared)\n[Call]\n';
const FILES = {
  'ws/config.yaml': CONFIG,
  'ws/components/app.flexos': `component app\n${META}`,
  'ws/components/parser.flexos': `component parser\n${META}`,
};

const EXERCISE = `title: Two apart
checks:
  - apart: [app, parser]
  - compartments: { at-most: 1 }
  - run: { status: fault }
`;

describe('flexos check on an exercise', () => {
  it('prints the checklist after the diagnostics; failing checks are not errors', async () => {
    const io = createMemoryIo({ ...FILES, 'ws/exercise.yaml': EXERCISE });
    expect(await main(['check', 'ws'], io)).toBe(0);
    expect(io.stdout).toBe(
      [
        'exercise: Two apart: 1 of 3 checks pass',
        '  pass     app and parser in different compartments',
        '  fail     At most 1 compartment: The image has 2 compartments.',
        '  pending  A run ends with fault: Run the program.',
        '',
      ].join('\n'),
    );
  });

  it('reports the checklist in JSON, and exercise.yaml problems as diagnostics', async () => {
    const broken = EXERCISE.replace('apart:', 'aprt:');
    const io = createMemoryIo({ ...FILES, 'ws/exercise.yaml': broken });
    expect(await main(['check', 'ws', '--json'], io)).toBe(1);
    const json = JSON.parse(io.stdout) as {
      diagnostics: { code: string; file: string; line: number; column: number }[];
      exercise: { passed: number; total: number; checks: { kind: string; status: string }[] };
    };
    expect(json.diagnostics.map((d) => [d.code, d.file, d.line, d.column])).toEqual([
      ['exercise/unknown-key', 'ws/exercise.yaml', 3, 5],
    ]);
    expect(json.exercise.checks.map((c) => [c.kind, c.status])).toEqual([
      ['compartments', 'fail'],
      ['run', 'pending'],
    ]);
  });
});
