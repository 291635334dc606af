import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseImageConfig } from '../config/index.ts';
import { toCompartmentGraph } from './compartment-graph.ts';
import { createLibraryNames } from '../names/index.ts';
import { scanGateCalls } from './gate-scan.ts';
import { planLibraryMove } from '../pipeline/move-library.ts';

const minikvConfig = readFileSync(
  join(import.meta.dirname, '../../../examples/minikv/config.yaml'),
  'utf8',
);

describe('gate scan', () => {
  it('finds gates and gates with results, not those in comments or strings', () => {
    const text = [
      'void f(void) {',
      '  flexos_gate(libsched, yield);',
      '  flexos_gate_r(libnetstack, r, recv, fd, buf, g(1, 2), 0);',
      '  // flexos_gate(libsched, yield);',
      '  puts("flexos_gate(libx, y)");',
      '}',
    ].join('\n');
    const calls = scanGateCalls('libs/kv/kv.c', text);
    expect(calls.map((c) => [c.caller, c.target, c.fn])).toEqual([
      ['kv', 'libsched', 'yield'],
      ['kv', 'libnetstack', 'recv'],
    ]);
    expect(text.slice(calls[1]?.span.start, calls[1]?.span.end)).toBe(
      'flexos_gate_r(libnetstack, r, recv, fd, buf, g(1, 2), 0)',
    );
    expect(scanGateCalls('README.md', text)).toEqual([]);
  });

  it('resolves libX tokens, aliases and plain names', () => {
    const libs = ['kv', 'lw-ip', 'newlib'];
    const plain = createLibraryNames(libs, {});
    const aliased = createLibraryNames(libs, { libc: 'newlib' });
    expect(plain.resolveTarget('liblwip')).toBe('lw-ip');
    expect(aliased.resolveTarget('libc')).toBe('newlib');
    expect(aliased.resolveTarget('liblibc')).toBe('newlib');
    expect(plain.resolveTarget('kv')).toBe('kv');
    expect(plain.resolveTarget('libnope')).toBeUndefined();
    expect(plain.resolveTarget('constructor')).toBeUndefined();
  });
});

describe('compartment graph', () => {
  it('counts gates per edge and names the crossing', () => {
    const { config } = parseImageConfig(minikvConfig, 'config.yaml');
    if (!config) throw new Error('minikv config does not parse');
    const gates = [
      ...scanGateCalls('libs/kv/kv.c', 'flexos_gate(libsched, yield); flexos_gate(liblibc, f);'),
      ...scanGateCalls('libs/kv/kv.c', 'flexos_gate(libsched, yield);'),
    ];
    const g = toCompartmentGraph(config, [], gates, [
      { actor: 'kv', target: 'sched', message: 'no' },
    ]);
    const kvSched = g.edges.find((e) => e.from === 'kv' && e.to === 'sched');
    expect(kvSched).toMatchObject({ gates: 2, kind: 'mpk', violations: ['no'] });
    expect(g.edges.find((e) => e.from === 'kv' && e.to === 'libc')).toMatchObject({
      gates: 1,
      kind: 'nop',
    });
    expect(g.compartments.map((c) => [c.name, c.number])).toEqual([
      ['comp1', 0],
      ['comp2', 1],
      ['comp3', 2],
    ]);
  });
});

describe('library moves', () => {
  it('moves into an existing or a new compartment with edits of config.yaml', () => {
    const move = planLibraryMove(
      { files: { 'config.yaml': minikvConfig }, settings: { panel: 'graph' } },
      'kv',
      'comp2',
    );
    expect(move?.change).toEqual({ kind: 'move', lib: 'kv', compartment: 'comp2' });
    expect(move?.title).toMatch(/kv/);
    const fresh = planLibraryMove(
      { files: { 'config.yaml': minikvConfig }, settings: { panel: 'graph' } },
      'kv',
      null,
    );
    expect(fresh?.change).toEqual({ kind: 'new-compartment', lib: 'kv', compartment: 'comp4' });
  });

  it('does nothing for a move to where the library already is, or without a config', () => {
    expect(
      planLibraryMove(
        { files: { 'config.yaml': minikvConfig }, settings: { panel: 'graph' } },
        'kv',
        'comp1',
      ),
    ).toBeNull();
    expect(
      planLibraryMove(
        { files: { 'config.yaml': ': : :' }, settings: { panel: 'graph' } },
        'kv',
        'comp2',
      ),
    ).toBeNull();
  });
});
