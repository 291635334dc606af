import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  checkWorkload,
  completeWorkload,
  configurationFromId,
  createCostTable,
  createEstimator,
  enumerateConfigurations,
  isSafer,
  parseWorkload,
  type Configuration,
} from '../../../src/core/explore/index.ts';
import { arbitrarySpace, minikvSpace } from './fixtures.ts';

const MINIKV = readFileSync(
  new URL('../../../examples/minikv/workload.yaml', import.meta.url),
  'utf8',
);

describe('cost model', () => {
  it('takes gate and allocation cycles from docs/formats.md (via backends/), net of the call the baseline pays', () => {
    expect(createCostTable('intel-mpk', 'heap')).toMatchObject({
      crossingCycles: 106,
      allocCycles: 66,
    });
    expect(createCostTable('intel-mpk', 'dss')).toMatchObject({
      crossingCycles: 106,
      allocCycles: 2,
    });
    expect(createCostTable('intel-mpk', 'shared-stack')).toMatchObject({
      crossingCycles: 60,
      allocCycles: 2,
    });
    expect(createCostTable('vm-ept', 'heap')).toMatchObject({
      crossingCycles: 460,
      allocCycles: 66,
    });
    expect(createCostTable('fcalls', 'heap')).toMatchObject({ crossingCycles: 0, allocCycles: 0 });
    const cheri = createCostTable('cheri', 'shared-stack').crossingCycles + 2;
    expect(cheri / 62).toBeGreaterThanOrEqual(1.2);
    expect(cheri / 62).toBeLessThanOrEqual(1.25);
    expect(createCostTable('intel-mpk', 'heap', { asan: 3 }).hardeningFactors.asan).toBe(3);
  });

  it('estimates minikv by hand: 7 crossings of 172 cycles at 3 GHz on top of 2.5 us', () => {
    const space = minikvSpace();
    const { workload } = parseWorkload(MINIKV);
    if (!workload) throw new Error('workload.yaml does not parse');
    const est = createEstimator(space, workload, createCostTable('intel-mpk', 'heap'));
    const at = (id: string): number =>
      est.estimate(configurationFromId(space, id) as Configuration).value;
    expect(at('kv,libc,netstack,sched')).toBeCloseTo(400000, 6);
    expect(at('kv,libc | netstack | sched')).toBeCloseTo(1 / (2.5e-6 + (7 * 172) / 3e9), 6);
    // asan on kv: its 25 % share of 2.5 us grows by 0.8.
    expect(at('kv[asan],libc,netstack,sched')).toBeCloseTo(1 / (2.5e-6 * (1 + 0.25 * 0.8)), 6);
    // asan+cfi on netstack: 45 % grows by 1.8 * 1.1 - 1.
    expect(at('kv,libc,netstack[asan,cfi],sched')).toBeCloseTo(
      1 / (2.5e-6 * (1 + 0.45 * (1.8 * 1.1 - 1))),
      6,
    );
    expect(est.estimate(enumerateConfigurations(space)[0] as Configuration).kind).toBe('estimate');
  });

  it('never increases along a safer edge (random spaces and workloads)', () => {
    fc.assert(
      fc.property(
        arbitrarySpace(4, 4),
        fc.array(fc.nat(5), { minLength: 16, maxLength: 16 }),
        fc.array(fc.nat(9), { minLength: 4, maxLength: 4 }),
        (space, calls, share) => {
          const n = space.components.length;
          const edges = [];
          for (let a = 0; a < n; a++)
            for (let b = 0; b < n; b++)
              if (a !== b)
                edges.push({
                  from: space.components[a] as string,
                  to: space.components[b] as string,
                  calls: calls[a * 4 + b] as number,
                  buffers: 1,
                });
          const shares = Object.fromEntries(
            space.components.map((c, i) => [c, (share[i] as number) / 40]),
          );
          const est = createEstimator(
            space,
            {
              baseline: 1e6,
              clockGhz: 2,
              calls: edges,
              share: shares,
              hardeningFactors: {},
              shareSpans: {},
            },
            createCostTable('intel-mpk', 'dss'),
          );
          const cs = enumerateConfigurations(space);
          const v = cs.map((c) => est.estimate(c).value);
          for (let i = 0; i < cs.length; i++)
            for (let j = 0; j < cs.length; j++)
              if (isSafer('product', cs[i] as Configuration, cs[j] as Configuration))
                expect(v[j]).toBeLessThanOrEqual(v[i] as number);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('workload.yaml', () => {
  it('reads examples/minikv/workload.yaml', () => {
    const { workload, diagnostics } = parseWorkload(MINIKV);
    expect(diagnostics).toEqual([]);
    expect(workload?.baseline).toBe(400000);
    expect(workload?.calls.find((e) => e.from === 'kv' && e.to === 'netstack')).toMatchObject({
      calls: 3,
      buffers: 1,
    });
    expect(workload && checkWorkload(workload, minikvSpace())).toEqual([]);
  });

  it('reports problems with codes and spans', () => {
    const problems = (text: string): [string, string][] =>
      parseWorkload(text).diagnostics.map((d) => [d.code, text.slice(d.span.start, d.span.end)]);
    expect(problems('calls: {}\n').map((p) => p[0])).toEqual(['workload/missing-key']);
    expect(problems('baseline: -3\n')).toEqual([['workload/bad-number', '-3']]);
    expect(problems('baseline: 10\ncalls: {kv-netstack: 3}\n')).toEqual([
      ['workload/bad-edge', 'kv-netstack'],
    ]);
    expect(problems('baseline: 10\ncalls: {kv->kv: 3}\n')).toEqual([
      ['workload/bad-edge', 'kv->kv'],
    ]);
    expect(problems('baseline: 10\ncalls: {a->b: 1, a -> b: 2}\n')).toEqual([
      ['workload/duplicate-edge', 'a -> b'],
    ]);
    expect(problems('baseline: 10\ncalls: {a->b: many}\n')).toEqual([
      ['workload/bad-number', 'many'],
    ]);
    expect(problems('baseline: 10\nshare: {a: 0.7, b: 0.6}\n')).toEqual([
      ['workload/share-sum', 'share'],
    ]);
    expect(problems('baseline: 10\nhardening-factors: {asan: 0.5}\n')).toEqual([
      ['workload/bad-factor', '0.5'],
    ]);
    expect(problems('baseline: 10\nhardening-factors: {msan: 2}\n')).toEqual([
      ['workload/unknown-hardening', 'msan'],
    ]);
    expect(problems('baseline: 10\nfoo: 1\n')).toEqual([['workload/unknown-key', 'foo']]);
    expect(problems('[1]').map((p) => p[0])).toEqual(['workload/not-a-map']);
    const w = parseWorkload('baseline: 10\ncalls: {kv->nope: 1}\n').workload;
    expect(w && checkWorkload(w, minikvSpace()).map((d) => d.code)).toEqual([
      'workload/unknown-component',
    ]);
  });

  it('never throws on random text or mutations of a real file', () => {
    const check = (text: string): void => {
      const r = parseWorkload(text);
      for (const d of r.diagnostics) {
        expect(d.code.startsWith('workload/')).toBe(true);
        expect(d.span.end).toBeLessThanOrEqual(text.length);
      }
    };
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), check), { numRuns: 300 });
    fc.assert(
      fc.property(
        fc.nat(MINIKV.length),
        fc.nat(30),
        fc.string({ maxLength: 10 }),
        (at, cut, insert) =>
          check(MINIKV.slice(0, at) + insert + MINIKV.slice(Math.min(MINIKV.length, at + cut))),
      ),
      { numRuns: 400 },
    );
  });
});

describe('edges from the sources (gate table)', () => {
  it('adds edges workload.yaml lacks, one call per gate site, and says so', () => {
    const base = parseWorkload('baseline: 100\ncalls: {kv->netstack: 3}\n').workload;
    if (!base) throw new Error('does not parse');
    const sites = [
      { from: 'kv', to: 'netstack' },
      { from: 'kv', to: 'sched' },
      { from: 'kv', to: 'sched' },
      { from: 'kv', to: 'kv' },
      { from: 'kv', to: 'nope' },
    ];
    const { workload, diagnostics } = completeWorkload(base, sites, minikvSpace());
    expect(workload.calls.map((e) => [e.from, e.to, e.calls])).toEqual([
      ['kv', 'netstack', 3],
      ['kv', 'sched', 2],
    ]);
    expect(diagnostics.map((d) => d.code)).toEqual(['workload/edge-from-sources']);
  });
});
