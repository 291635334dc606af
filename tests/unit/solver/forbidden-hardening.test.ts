import { describe, expect, it } from 'vitest';
import type { ComponentSpec } from '../../../src/core/metadata/component-spec.ts';
import type { Hardening } from '../../../src/core/model.ts';
import {
  behaviourOf,
  checkPlacement,
  conflictGraph,
  minimumCompartments,
} from '../../../src/core/solver/index.ts';
import { designExample, image, spec } from './fixtures.ts';

/** The docs/formats.md example with netstack allowing only `allowed`. */
const withNetstackHardening = (allowed: Hardening[]): ComponentSpec[] =>
  designExample().map((s) => (s.name === 'netstack' ? { ...s, hardening: allowed } : s));

describe('hardening a component’s [Hardening] forbids', () => {
  it('changes no behaviour: asan on a component allowing only cfi leaves Write(*)', () => {
    const netstack = withNetstackHardening(['cfi']).find((s) => s.name === 'netstack');
    const b = behaviourOf('netstack', netstack, ['asan', 'cfi']);
    expect(b.write).toEqual(['*']);
    expect(b.read).toEqual(['*']);
    expect(b.cfi).toBe(true);
    expect(behaviourOf('netstack', netstack, ['asan']).cfi).toBe(false);
  });

  it('removes no conflict: netstack with forbidden asan still needs its own compartment', () => {
    const specs = withNetstackHardening(['cfi']);
    const graph = conflictGraph(specs, { hardening: { netstack: ['asan', 'cfi'] } });
    expect(graph.edges.map((e) => [e.a, e.b])).toEqual([['sched', 'netstack']]);
    expect(minimumCompartments(graph).count).toBe(2);
    // Allowed, the same hardening does remove it.
    const allowed = conflictGraph(designExample(), { hardening: { netstack: ['asan', 'cfi'] } });
    expect(allowed.edges).toEqual([]);
  });

  it('leaves the violation and reports the hardening itself', () => {
    const config = image(
      'intel-mpk',
      { comp1: ['app'], comp2: ['sched', 'netstack'] },
      { hardening: { netstack: ['asan', 'cfi'] } },
    );
    const specs = [...withNetstackHardening(['cfi']), spec('app')];
    const { violations, diagnostics } = checkPlacement(config, specs);
    expect(violations.map((v) => [v.actor, v.target, v.rule])).toEqual([
      ['netstack', 'sched', 'write-own'],
    ]);
    expect(
      diagnostics
        .filter((d) => d.code === 'solver/hardening-not-allowed')
        .map((d) => [d.severity, d.span]),
    ).toEqual([['error', config.libraries[2]!.span]]);
  });

  it('ranks a move into a compartment hardened with it after fixes that introduce nothing', () => {
    const specs = [
      ...withNetstackHardening(['cfi', 'safestack']),
      spec('app', { memory: { read: ['Own'], write: ['Own'] } }),
      spec('other', { memory: { read: ['Own'], write: ['Own'] } }),
    ];
    const config = image(
      'intel-mpk',
      { comp1: ['app'], comp2: ['sched', 'netstack'], comp3: ['other'] },
      { compartmentHardening: { comp3: ['asan'] } },
    );
    const write = checkPlacement(config, specs).violations.find((v) => v.rule === 'write-own');
    expect(write?.fixes).toEqual([
      { kind: 'move', lib: 'netstack', compartment: 'comp1' },
      { kind: 'move', lib: 'sched', compartment: 'comp1' },
      { kind: 'move', lib: 'sched', compartment: 'comp3' },
      { kind: 'new-compartment', lib: 'netstack', compartment: 'comp4' },
      { kind: 'new-compartment', lib: 'sched', compartment: 'comp4' },
      { kind: 'move', lib: 'netstack', compartment: 'comp3' },
    ]);
    // Never "harden netstack with asan": its [Hardening] does not allow it.
    for (const v of checkPlacement(config, specs).violations)
      for (const f of v.fixes)
        if (f.kind === 'harden') expect(['cfi', 'safestack']).toContain(f.hardening);
  });
});
