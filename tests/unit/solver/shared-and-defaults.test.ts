import { describe, expect, it } from 'vitest';
import {
  checkPlacement,
  conflictGraph,
  minimumCompartments,
} from '../../../src/core/solver/index.ts';
import { image, spec } from './fixtures.ts';

const own = { read: ['Own' as const], write: ['Own' as const] };

describe('shared memory is shared with every compartment', () => {
  // vault lets nobody write what it shares; parser writes shared memory (its buffers).
  const specs = [
    spec('vault', { memory: own, requires: ['*(Read,Shared)'] }),
    spec('parser', { memory: { read: ['Shared'], write: ['Shared'] } }),
  ];

  it('checks a Shared [Requires] against a component in another compartment, with no fix', () => {
    const config = image('intel-mpk', { comp1: ['vault'], comp2: ['parser'] });
    const { violations, diagnostics } = checkPlacement(config, specs);
    expect(violations.map((v) => [v.actor, v.target, v.rule, v.fixes])).toEqual([
      ['parser', 'vault', 'write-shared', []],
    ]);
    // At parser's entry in config.yaml (offsets of the fixture image).
    const parserEntry = config.libraries.find((l) => l.name === 'parser')!.span!;
    expect(diagnostics.map((d) => [d.code, d.severity, d.span.start, d.span.end])).toEqual([
      ['solver/violation-write-shared', 'error', parserEntry.start, parserEntry.end],
    ]);
    // Related: parser's metadata, and vault's, whose [Requires] lacks the grant.
    expect(diagnostics[0]!.related?.map((r) => r.span.file)).toEqual([
      'components/parser.flexos',
      'components/vault.flexos',
    ]);
  });

  it('is the same violation wherever the two are, and never a conflict edge', () => {
    const together = checkPlacement(image('intel-mpk', { comp1: ['vault', 'parser'] }), specs);
    expect(together.violations.map((v) => [v.rule, v.fixes])).toEqual([['write-shared', []]]);
    const graph = conflictGraph(specs);
    expect(graph.edges).toEqual([]);
    expect(minimumCompartments(graph).count).toBe(1);
  });

  it('is not fixed by asan, which keeps Shared, but a private-memory finding is', () => {
    const plain = spec('plain', { memory: { read: ['*'], write: ['*'] } });
    const config = image('intel-mpk', { comp1: ['vault', 'plain'] });
    const { violations } = checkPlacement(config, [specs[0]!, plain]);
    expect(violations.map((v) => v.rule)).toEqual(['write-own', 'read-own', 'write-shared']);
    const [writeOwn, , writeShared] = violations;
    expect(writeOwn!.fixes).toContainEqual({ kind: 'harden', lib: 'plain', hardening: 'asan' });
    expect(writeOwn!.fixes).toContainEqual({
      kind: 'new-compartment',
      lib: 'plain',
      compartment: 'comp2',
    });
    expect(writeShared!.fixes).toEqual([]);
    const hardened = image(
      'intel-mpk',
      { comp1: ['vault', 'plain'] },
      { hardening: { plain: ['asan'] } },
    );
    expect(checkPlacement(hardened, [specs[0]!, plain]).violations.map((v) => v.rule)).toEqual([
      'write-shared',
    ]);
  });
});

describe('a component without [Call] calls anything', () => {
  const target = spec('sched', { memory: own, api: ['yield'], requires: ['*(Call,yield)'] });
  const silent = spec('app', { memory: own, calls: null });

  it('reaches every function of a co-located component, shown at its header', () => {
    const { violations, diagnostics } = checkPlacement(
      image('intel-mpk', { comp1: ['sched', 'app'] }),
      [target, silent],
    );
    expect(violations.map((v) => [v.actor, v.rule, v.functions])).toEqual([['app', 'call', ['*']]]);
    // The related information points at app's header (offset 10), where the parser warns.
    expect(diagnostics[0]!.related?.[0]).toEqual({
      span: silent.span,
      message: 'app calls *',
    });
  });

  it('reaches only the API through a gate, as [Call] * does', () => {
    const apart = image('intel-mpk', { comp1: ['sched'], comp2: ['app'] });
    expect(checkPlacement(apart, [target, silent]).violations).toEqual([]);
    const star = spec('app', { memory: own, calls: ['*'] });
    for (const config of [apart, image('intel-mpk', { comp1: ['sched', 'app'] })])
      expect(checkPlacement(config, [target, silent]).violations).toEqual(
        checkPlacement(config, [target, star]).violations,
      );
  });

  it('an empty [Call] calls nothing', () => {
    const none = spec('app', { memory: own, calls: [] });
    const config = image('intel-mpk', { comp1: ['sched', 'app'] });
    expect(checkPlacement(config, [target, none]).violations).toEqual([]);
  });
});

describe('a callee without [API] may be entered anywhere', () => {
  it('so [Call] * through a gate reaches every function its [Requires] must allow', () => {
    const specs = [
      spec('app', { memory: own, requires: ['*(Read,Shared)', '*(Write,Shared)'] }),
      spec('plugin', { memory: own, calls: ['*'] }),
    ];
    const { violations, diagnostics } = checkPlacement(
      image('intel-mpk', { comp1: ['app'], comp2: ['plugin'] }),
      specs,
    );
    expect(violations.map((v) => [v.actor, v.rule, v.functions, v.fixes])).toEqual([
      ['plugin', 'call', ['*'], [{ kind: 'harden', lib: 'plugin', hardening: 'cfi' }]],
    ]);
    expect(diagnostics.map((d) => d.code)).toEqual(['solver/violation-call']);
  });

  it('and a named call into it is no call-not-in-api warning', () => {
    const specs = [
      spec('app', { memory: own, calls: ['lib::open'] }),
      spec('lib', { memory: own, requires: ['*(Call,open)'] }),
    ];
    const found = checkPlacement(image('vm-ept', { c1: ['app'], c2: ['lib'] }), specs);
    expect(found.diagnostics).toEqual([]);
  });
});
