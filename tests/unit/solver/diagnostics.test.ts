import { describe, expect, it } from 'vitest';
import { checkLimits, checkPlacement } from '../../../src/core/solver/index.ts';
import { designExample, image, spec } from './fixtures.ts';

const codes = (config: Parameters<typeof checkPlacement>[0], specs = designExample()) =>
  checkPlacement(config, specs).diagnostics.map((d) => [d.code, d.severity, d.span.start]);

describe('checkPlacement diagnostics', () => {
  it('warns about a library without metadata and treats it as plain C', () => {
    const config = image('intel-mpk', { comp1: ['sched', 'lwip'], comp2: ['netstack'] });
    const { violations, diagnostics } = checkPlacement(config, designExample());
    expect(violations.map((v) => [v.actor, v.target, v.rule])).toEqual([
      ['lwip', 'sched', 'write-own'],
      ['lwip', 'sched', 'call'],
    ]);
    const missing = diagnostics.filter((d) => d.code === 'solver/missing-component');
    expect(missing).toHaveLength(1);
    expect(missing[0]!.severity).toBe('warning');
    expect(missing[0]!.span).toEqual(config.libraries.find((l) => l.name === 'lwip')!.span);
  });

  it('reports hardening a library does not allow, on the entry or compartment that adds it', () => {
    const specs = [spec('a', { hardening: ['asan'] }), spec('b', { hardening: [] })];
    const config = image(
      'intel-mpk',
      { comp1: ['a'], comp2: ['b'] },
      { hardening: { a: ['cfi'] }, compartmentHardening: { comp2: ['ubsan'] } },
    );
    const found = checkPlacement(config, specs).diagnostics;
    expect(found.map((d) => [d.code, d.severity, d.span])).toEqual([
      ['solver/hardening-not-allowed', 'error', config.libraries[0]!.span],
      ['solver/hardening-not-allowed', 'error', config.compartments[1]!.span],
    ]);
  });

  it('offers only hardening the actor allows', () => {
    const specs = designExample().map((s) =>
      s.name === 'netstack' ? { ...s, hardening: ['cfi' as const] } : s,
    );
    const config = image('intel-mpk', { comp1: ['sched', 'netstack'] });
    const [write, call] = checkPlacement(config, specs).violations;
    expect(write!.fixes.some((f) => f.kind === 'harden')).toBe(false);
    expect(call!.fixes[0]).toEqual({ kind: 'harden', lib: 'netstack', hardening: 'cfi' });
  });

  it('warns when a gate cannot reach a called function outside the API', () => {
    const specs = [
      spec('app', {
        memory: { read: ['Own'], write: ['Own'] },
        calls: ['lib::hidden', 'lib::open'],
      }),
      spec('lib', { api: ['open'], requires: ['*(Call,open)', '*(Call,hidden)'] }),
    ];
    const apart = checkPlacement(image('vm-ept', { c1: ['app'], c2: ['lib'] }), specs);
    expect(apart.violations).toEqual([]);
    expect(apart.diagnostics.map((d) => [d.code, d.severity])).toEqual([
      ['solver/call-not-in-api', 'warning'],
    ]);
    expect(apart.diagnostics[0]!.related?.map((r) => r.span.start)).toEqual([100]);
    // Co-located, the call goes straight to the function: no gate, no warning.
    expect(checkPlacement(image('vm-ept', { c1: ['app', 'lib'] }), specs).diagnostics).toEqual([]);
  });

  it('checks calls across compartments against the callee requirements', () => {
    const specs = [
      spec('app', { memory: { read: ['Own'], write: ['Own'] }, calls: ['lib::*'] }),
      spec('lib', { api: ['open', 'close'], requires: ['app(Call,open)'] }),
    ];
    const { violations } = checkPlacement(image('cheri', { c1: ['app'], c2: ['lib'] }), specs);
    expect(violations.map((v) => [v.rule, v.functions, v.fixes])).toEqual([
      ['call', ['close'], []],
    ]);
  });

  it('reports more compartments than the mechanism supports', () => {
    const many = (n: number) =>
      Object.fromEntries(Array.from({ length: n }, (_, i) => [`c${i}`, []]));
    expect(checkLimits(image('intel-mpk', many(15)))).toEqual([]);
    const over = image('intel-mpk', many(16));
    expect(checkLimits(over).map((d) => [d.code, d.severity, d.span])).toEqual([
      ['solver/limit-exceeded', 'error', over.compartments[15]!.span],
    ]);
    expect(checkLimits(image('vm-ept', many(16)))).toEqual([]);
    expect(checkLimits(image('vm-ept', many(17)))).toHaveLength(1);
    expect(checkLimits(image('cheri', many(40)))).toEqual([]);
    expect(codes(image('intel-mpk', many(16)), [])).toEqual([
      ['solver/limit-exceeded', 'error', 160],
    ]);
  });

  it('does not propose a new compartment past the limit', () => {
    const placement: Record<string, string[]> = { c0: ['sched', 'netstack'] };
    for (let i = 1; i < 15; i++) placement[`c${i}`] = [];
    const [write] = checkPlacement(image('intel-mpk', placement), designExample()).violations;
    expect(write!.fixes.filter((f) => f.kind === 'new-compartment')).toEqual([]);
    expect(write!.fixes).toContainEqual({ kind: 'move', lib: 'netstack', compartment: 'c14' });
  });

  it('forbids everything with an empty [Requires] and allows everything without one', () => {
    const quiet = { memory: { read: ['Shared' as const], write: [] }, calls: [] };
    const strict = [spec('a', quiet), spec('b', { ...quiet, requires: [] })];
    expect(
      checkPlacement(image('intel-mpk', { c: ['a', 'b'] }), strict).violations.map((v) => v.rule),
    ).toEqual(['read-shared']);
    const lax = [spec('a', quiet), spec('b', { ...quiet, requires: null })];
    expect(checkPlacement(image('intel-mpk', { c: ['a', 'b'] }), lax).violations).toEqual([]);
  });
});
