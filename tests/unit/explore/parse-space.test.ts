import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { countConfigurations, parseSpace, SPACE_CODES } from '../../../src/core/explore/index.ts';

const MINIKV = readFileSync(
  new URL('../../../examples/minikv/space.yaml', import.meta.url),
  'utf8',
);

/** Codes and the text each diagnostic points at. */
function problems(text: string): [string, string][] {
  return parseSpace(text).diagnostics.map((d) => [d.code, text.slice(d.span.start, d.span.end)]);
}

describe('space.yaml', () => {
  it('reads examples/minikv/space.yaml: 80 configurations, netstack with one bundled option', () => {
    const { space, diagnostics } = parseSpace(MINIKV, 'space.yaml', 'minikv');
    expect(diagnostics).toEqual([]);
    expect(space?.components).toEqual(['kv', 'libc', 'netstack', 'sched']);
    expect(space?.groups).toEqual([[0, 1], [2], [3]]);
    expect(space?.options.map((o) => [o.component, o.hardening, o.label])).toEqual([
      [0, ['asan'], 'asan'],
      [1, ['asan'], 'asan'],
      [2, ['asan', 'cfi'], 'asan+cfi'],
      [3, ['asan'], 'asan'],
    ]);
    expect(space && MINIKV.slice(space.options[2]?.span?.start, space.options[2]?.span?.end)).toBe(
      'asan+cfi',
    );
    expect(space && countConfigurations(space).total).toBe(80n);
    expect(space?.mechanism).toBe('intel-mpk');
    expect(space?.requires).toBe(true);
  });

  it('has defaults for everything but components, and resolves mechanism aliases', () => {
    const { space } = parseSpace(
      'components: [b, a]\nmechanism: intel-pku\n',
      'space.yaml',
      'demo',
    );
    expect(space).toMatchObject({
      name: 'demo',
      components: ['a', 'b'],
      maxCompartments: 2,
      options: [],
      mechanism: 'intel-mpk',
      sharing: 'heap',
      requires: true,
    });
  });

  it('reports each problem with its code at the offending text', () => {
    expect(problems('components: [a, b]\ntogether: [[a, c]]\n')).toEqual([
      ['space/unknown-component', 'c'],
    ]);
    expect(problems('components: [a, b, a]\n')).toEqual([['space/duplicate-component', 'a']]);
    expect(problems('components: [a, B]\n')).toEqual([['space/bad-name', 'B']]);
    expect(problems('components: [a, b, c]\ntogether: [[a, b], [b, c]]\n')).toEqual([
      ['space/group-overlap', 'b'],
    ]);
    expect(problems('components: [a]\nmax-compartments: 0\n')).toEqual([
      ['space/bad-max-compartments', '0'],
    ]);
    expect(problems('components: [a]\nmax-compartments: two\n')).toEqual([
      ['space/bad-max-compartments', 'two'],
    ]);
    expect(problems('components: [a]\nhardening: {a: [asan, msan]}\n')).toEqual([
      ['space/unknown-hardening', 'msan'],
    ]);
    expect(problems('components: [a]\nhardening: {a: [asan, asan+cfi]}\n')).toEqual([
      ['space/overlapping-options', 'asan+cfi'],
    ]);
    expect(problems('components: [a]\nhardening: {b: [asan]}\n')).toEqual([
      ['space/unknown-component', 'b'],
    ]);
    expect(problems('components: [a]\nmechanism: sgx\n')).toEqual([
      ['space/unknown-mechanism', 'sgx'],
    ]);
    expect(problems('components: [a]\nsharing: stack\n')).toEqual([
      ['space/unknown-sharing', 'stack'],
    ]);
    expect(problems('components: [a]\nrequires: maybe\n')).toEqual([['space/wrong-type', 'maybe']]);
    expect(problems('components: [a]\ncolour: blue\n')).toEqual([['space/unknown-key', 'colour']]);
    expect(problems('components: a\n')).toEqual([['space/wrong-type', 'a']]);
    expect(problems('together: []\n').map((p) => p[0])).toEqual(['space/missing-key']);
    expect(problems('- a\n').map((p) => p[0])).toEqual(['space/not-a-map']);
    expect(problems('components: [a\n').map((p) => p[0])).toContain('space/yaml-syntax');
    const many = Array.from({ length: 8 }, (_, i) => `c${i}`);
    const text = `components: [${many}]\nhardening: {${many.map((c) => `${c}: [asan, cfi, ubsan, safestack]`)}}\n`;
    expect(problems(text).map((p) => p[0])).toEqual(['space/too-many-options']);
  });

  it('warns but keeps the space for unknown keys only', () => {
    const r = parseSpace('components: [a]\nextra: 1\n');
    expect(r.space).toBeDefined();
    expect(r.diagnostics.map((d) => d.severity)).toEqual(['warning']);
  });

  it('never throws, on random text and on mutations of a real file; codes stay in the closed set', () => {
    const check = (text: string): void => {
      const r = parseSpace(text);
      for (const d of r.diagnostics) {
        expect(SPACE_CODES as readonly string[]).toContain(d.code);
        expect(d.span.start).toBeGreaterThanOrEqual(0);
        expect(d.span.end).toBeLessThanOrEqual(text.length);
        expect(d.span.start).toBeLessThanOrEqual(d.span.end);
      }
      if (r.diagnostics.some((d) => d.severity === 'error')) expect(r.space).toBeUndefined();
    };
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), check), { numRuns: 300 });
    fc.assert(
      fc.property(
        fc.nat(MINIKV.length),
        fc.nat(40),
        fc.string({ maxLength: 12 }),
        (at, cut, insert) =>
          check(MINIKV.slice(0, at) + insert + MINIKV.slice(Math.min(MINIKV.length, at + cut))),
      ),
      { numRuns: 500 },
    );
  });
});
