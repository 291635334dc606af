/**
 * The seeded fuzz suite (issue #13): whole generated or damaged workspaces through every
 * stage of the pipeline and the CLI. Bad input must come back as diagnostics with declared
 * codes and valid spans, never as an exception or a hang.
 *
 * FLEXOS_FUZZ_CASES (default 250: about a minute on two idle cores, two on busy ones) cases
 * from FLEXOS_FUZZ_SEED (default 1); case i has seed SEED + i, so
 * `FLEXOS_FUZZ_SEED=<seed> FLEXOS_FUZZ_CASES=1` re-runs one case alone.
 * FLEXOS_FUZZ_LIMIT_MS (default 20000) is the per-case hang limit, twice the campaign's:
 * `npm test` runs beside other suites, and a hang detector must not flag a busy machine.
 * `npm run fuzz` runs a long campaign with the same cases (tests/fuzz/campaign.ts).
 */
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/core/diagnostics.ts';
import { diagnosticProblems, editsProblem } from './checks.ts';
import { caseSeed, generateCase } from './generate.ts';
import { runSeeds } from './pool.ts';
import { collectKnownCodes, loadExamples } from './sources.ts';
import { createCollector, formatGroup } from './summary.ts';

function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`${name}: expected a whole number, got ${raw}`);
  return n;
}

const CASES = envInt('FLEXOS_FUZZ_CASES', 250);
const SEED = envInt('FLEXOS_FUZZ_SEED', 1);
const LIMIT_MS = envInt('FLEXOS_FUZZ_LIMIT_MS', 20_000);
/** Groups of failures listed when the run fails. */
const SHOWN = 10;

describe('the fuzz suite itself', () => {
  const examples = loadExamples();

  it('generates the same workspace from the same seed, and different ones from others', () => {
    for (const seed of [0, 1, 2, 77, 4_000_000_000]) {
      expect(generateCase(seed, examples)).toEqual(generateCase(seed, examples));
    }
    const texts = new Set(
      Array.from({ length: 20 }, (_, i) => JSON.stringify(generateCase(i, examples).files)),
    );
    expect(texts.size).toBeGreaterThan(15);
  });

  it('makes every kind of case and reaches every kind of file', () => {
    const kinds = new Set<string>();
    const paths = new Set<string>();
    for (let i = 0; i < 300; i++) {
      const c = generateCase(caseSeed(SEED, i), examples);
      kinds.add(c.kind);
      for (const p of Object.keys(c.files)) paths.add(p.replace(/\/[^/]+$/, '/*'));
    }
    expect([...kinds].sort()).toEqual(
      ['example', 'example-mutated', 'generated', 'hostile', 'mutated'].sort(),
    );
    for (const p of ['config.yaml', 'kraft.yaml', 'space.yaml', 'workload.yaml', 'components/*'])
      expect(paths).toContain(p);
    expect([...paths].some((p) => p.startsWith('libs/'))).toBe(true);
  });

  it('flags undeclared codes, spans outside their file and overlapping fix edits', () => {
    const known = collectKnownCodes();
    const files = { 'config.yaml': 'name: x\n' };
    const at = (start: number, end: number, file = 'config.yaml') => ({ file, start, end });
    const d = (code: string, span = at(0, 4)) => ({
      code,
      severity: 'error' as const,
      message: '',
      span,
    });
    const types = (list: Diagnostic[]) => diagnosticProblems(list, files, known).map((p) => p.type);
    expect(
      types([d('config/unknown-key'), d('config/unknown-key', at(0, 0, 'kraft.yaml'))]),
    ).toEqual([]);
    expect(types([d('config/no-such-code')])).toEqual(['unknown-code']);
    expect(types([d('config/unknown-key', at(3, 9))])).toEqual(['bad-span']);
    expect(types([d('config/unknown-key', at(2, 1))])).toEqual(['bad-span']);
    expect(types([d('config/unknown-key', at(1, 1, 'kraft.yaml'))])).toEqual(['bad-span']);
    const edit = (start: number, end: number) => ({ file: 'config.yaml', start, end, text: 'y' });
    const fixed = {
      ...d('config/unknown-key'),
      fixes: [{ title: 't', edits: [edit(0, 3), edit(2, 4)] }],
    };
    expect(types([fixed])).toEqual(['bad-fix']);
    expect(editsProblem([edit(0, 2), edit(2, 4)], files)).toBeNull();
  });

  it('knows the diagnostic codes core declares, literal and composed', () => {
    const known = collectKnownCodes();
    for (const code of ['config/unknown-key', 'space/not-a-map', 'meta/bad-item'])
      expect(known.has(code)).toBe(true);
    expect(known.has('solver/violation-call')).toBe(true);
    expect(known.has('solver/violation-nonsense')).toBe(false);
    expect(known.has('config/made-up-code')).toBe(false);
  });
});

describe('fuzzing the pipeline and the CLI', () => {
  it(
    `${CASES} cases from seed ${SEED}: no exception, hang, undeclared code or bad span`,
    async () => {
      const collector = createCollector();
      const seeds = Array.from({ length: CASES }, (_, i) => caseSeed(SEED, i));
      const started = Date.now();
      await runSeeds(seeds, { limitMs: LIMIT_MS, onReport: (r) => collector.add(r) });
      const groups = collector.groups();
      const summary = collector.format(Date.now() - started);
      console.log(`fuzz: ${summary.split('\n')[0]}`);
      expect(collector.cases).toBe(CASES);
      if (groups.length > 0) {
        const shown = groups.slice(0, SHOWN).map(formatGroup).join('\n');
        const more = groups.length > SHOWN ? `\n  … and ${groups.length - SHOWN} more causes` : '';
        expect.fail(
          `${collector.failingCases} of ${CASES} fuzz cases failed (${groups.length} causes). ` +
            `Re-run one: FLEXOS_FUZZ_SEED=<seed> FLEXOS_FUZZ_CASES=1 npx vitest run tests/fuzz\n${shown}${more}`,
        );
      }
    },
    // Every case may run to the watchdog (1.5 x the limit), plus worker start-ups.
    CASES * LIMIT_MS * 1.5 + 60_000,
  );
});
