import { describe, expect, it } from 'vitest';
import { checkPlacement } from '../../../src/core/solver/index.ts';
import { designExample, image } from './fixtures.ts';

describe('the docs/formats.md example (sched + netstack)', () => {
  it('has exactly two violations in one MPK compartment', () => {
    const config = image('intel-mpk', { comp1: ['sched', 'netstack'] });
    const { violations, diagnostics } = checkPlacement(config, designExample());
    expect(violations.map((v) => [v.actor, v.target, v.rule, v.functions])).toEqual([
      ['netstack', 'sched', 'write-own', undefined],
      ['netstack', 'sched', 'call', ['*']],
    ]);
    expect(diagnostics.map((d) => d.code)).toEqual([
      'solver/violation-write-own',
      'solver/violation-call',
    ]);
    // Shown on netstack's entry in config.yaml, with the metadata as related information.
    const netstack = config.libraries.find((l) => l.name === 'netstack')!;
    for (const d of diagnostics) {
      expect(d.span).toEqual(netstack.span);
      expect(d.related?.length).toBeGreaterThan(0);
      expect(d.fixes).toBeUndefined();
    }
    const writeRelated = diagnostics[0]!.related!.map((r) => r.span.start);
    expect(writeRelated).toContain(301); // sched's *(Write,Shared)
  });

  it('proposes asan or a move for the write, cfi or a move for the call', () => {
    const config = image('intel-mpk', { comp1: ['sched', 'netstack'] });
    const [write, call] = checkPlacement(config, designExample()).violations;
    expect(write!.fixes).toEqual([
      { kind: 'harden', lib: 'netstack', hardening: 'asan' },
      { kind: 'new-compartment', lib: 'netstack', compartment: 'comp2' },
      { kind: 'new-compartment', lib: 'sched', compartment: 'comp2' },
    ]);
    expect(call!.fixes).toEqual([
      { kind: 'harden', lib: 'netstack', hardening: 'cfi' },
      { kind: 'new-compartment', lib: 'netstack', compartment: 'comp2' },
      { kind: 'new-compartment', lib: 'sched', compartment: 'comp2' },
    ]);
  });

  it('moves to an existing compartment where that removes the violation', () => {
    const config = image('intel-mpk', { comp1: ['sched', 'netstack'], comp2: [] });
    const [write] = checkPlacement(config, designExample()).violations;
    expect(write!.fixes).toContainEqual({ kind: 'move', lib: 'netstack', compartment: 'comp2' });
    expect(write!.fixes).toContainEqual({ kind: 'move', lib: 'sched', compartment: 'comp2' });
    expect(write!.fixes).toContainEqual({
      kind: 'new-compartment',
      lib: 'sched',
      compartment: 'comp3',
    });
  });

  it('is valid with asan and cfi on netstack', () => {
    const config = image(
      'intel-mpk',
      { comp1: ['sched', 'netstack'] },
      { hardening: { netstack: ['asan', 'cfi'] } },
    );
    expect(checkPlacement(config, designExample())).toEqual({ violations: [], diagnostics: [] });
  });

  it('is valid with the two in separate MPK compartments', () => {
    const config = image('intel-mpk', { comp1: ['sched'], comp2: ['netstack'] });
    expect(checkPlacement(config, designExample()).violations).toEqual([]);
  });

  it('under fcalls, separate compartments do not help and no move is proposed', () => {
    const config = image('fcalls', { comp1: ['sched'], comp2: ['netstack'] });
    const { violations } = checkPlacement(config, designExample());
    expect(violations.map((v) => v.rule)).toEqual(['write-own', 'call']);
    expect(violations[0]!.fixes).toEqual([{ kind: 'harden', lib: 'netstack', hardening: 'asan' }]);
    expect(violations[1]!.fixes).toEqual([{ kind: 'harden', lib: 'netstack', hardening: 'cfi' }]);
  });
});
