import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../../src/core/diagnostics.ts';
import {
  applyConfigChange,
  parseImageConfig,
  stripSpans,
  toConfigEdits,
  toInPlaceConfigEdits,
  type ConfigChange,
  type ImageConfig,
} from '../../../src/core/config/index.ts';
import { MINIKV, REDIS_KRAFT } from './helpers.ts';

/** Files in the shapes people write: block and flow maps, comments, CRLF, empty lists. */
const FILES: [string, string][] = [
  ['config.yaml', MINIKV],
  ['config.yaml', MINIKV.replaceAll('\n', '\r\n')],
  [
    'config.yaml',
    `# flow style
name: flowy
compartments:
  - main: {mechanism: intel-pku, default: true}   # the app
  - net: {mechanism: intel-pku, hardening: [asan]}
libraries:
  - lwip: net
  - app:
      compartment: main
      hardening:
        - cfi
aliases:
  libc: app
`,
  ],
  [
    'config.yaml',
    'name: solo\ncompartments:\n- only:\n    mechanism: fcalls\n    default: true\nlibraries: []\n',
  ],
  [
    'config.yaml',
    'name: bare\ncompartments: [{one: {mechanism: vm-ept, default: true}}, {two: {mechanism: vm-ept}}]\nlibraries: [{x: two}]\n',
  ],
  ['kraft.yaml', REDIS_KRAFT],
  [
    'kraft.yaml',
    "specification: '0.6'\nname: tiny\ncompartments:\n  - name: comp1\n    mechanism: { driver: fcalls }\n    default: true\nlibraries: {}\n",
  ],
];

function changesFor(config: ImageConfig): ConfigChange[] {
  const libs = [...config.libraries.map((l) => l.name), 'newlib'];
  const comps = config.compartments.map((c) => c.name);
  return libs.flatMap((lib): ConfigChange[] => [
    ...comps.map((compartment) => ({ kind: 'move' as const, lib, compartment })),
    { kind: 'new-compartment', lib, compartment: 'fresh' },
    { kind: 'harden', lib, hardening: 'asan' },
    { kind: 'harden', lib, hardening: 'safestack' },
  ]);
}

/** Comments of a text; in-place edits keep them, a rewrite would not. */
const comments = (text: string): string[] => text.match(/#.*$/gm) ?? [];

describe('toConfigEdits', () => {
  it.each(FILES)('agrees with applyConfigChange and edits in place: %s', (file, text) => {
    const config = parseImageConfig(text, file).config;
    expect(config).not.toBeNull();
    if (!config) return;
    const before = parseImageConfig(text, file).diagnostics.map((d) => d.code);
    for (const change of changesFor(config)) {
      const edits = toConfigEdits(text, file, change);
      expect(toInPlaceConfigEdits(text, file, change), JSON.stringify(change)).toEqual(edits);
      const edited = applyEdits(text, edits);
      const after = parseImageConfig(edited, file);
      const expected = applyConfigChange(config, change);
      expect(after.config && stripSpans(after.config), JSON.stringify(change)).toEqual(
        stripSpans(expected),
      );
      expect(after.diagnostics.filter((d) => d.code === 'config/yaml-syntax')).toEqual([]);
      // Nothing removed but the entry changed and a compartment the move emptied.
      const removed = expected.compartments.length < config.compartments.length;
      if (!removed) for (const c of comments(text)) expect(edited).toContain(c);
      expect(edited.includes('\r\n')).toBe(text.includes('\r\n'));
      expect(before.includes('config/yaml-syntax')).toBe(false);
    }
  });

  it('changes only the value of a listed library', () => {
    const edits = toConfigEdits(MINIKV, 'config.yaml', {
      kind: 'move',
      lib: 'kv',
      compartment: 'comp2',
    });
    expect(edits).toHaveLength(1);
    expect(applyEdits(MINIKV, edits)).toBe(MINIKV.replace('  - kv: comp1', '  - kv: comp2'));
  });

  it('appends an unlisted library and a new compartment in the style of the file', () => {
    const change: ConfigChange = { kind: 'new-compartment', lib: 'lwip', compartment: 'comp3' };
    expect(applyEdits(MINIKV, toConfigEdits(MINIKV, 'config.yaml', change))).toBe(
      MINIKV.replace(
        '      hardening: [asan, cfi] # applies to every library placed here\n',
        '      hardening: [asan, cfi] # applies to every library placed here\n  - comp3:\n      mechanism: intel-mpk\n',
      ).replace('# per-library form\n', '# per-library form\n  - lwip: comp3\n'),
    );
  });

  it('adds hardening with the per-library form', () => {
    const text = applyEdits(
      MINIKV,
      toConfigEdits(MINIKV, 'config.yaml', { kind: 'harden', lib: 'netstack', hardening: 'cfi' }),
    );
    expect(text).toContain('  - netstack: { compartment: comp2, hardening: [cfi] }\n');
    const more = applyEdits(
      MINIKV,
      toConfigEdits(MINIKV, 'config.yaml', { kind: 'harden', lib: 'sched', hardening: 'ubsan' }),
    );
    expect(more).toContain(
      '  - sched: { compartment: comp2, hardening: [safestack, ubsan] }   # per-library form\n',
    );
  });

  it('removes the compartment a move empties', () => {
    const text = MINIKV.replace('  - netstack: comp2\n', '').replace(
      'compartment: comp2',
      'compartment: comp1',
    );
    const edits = toConfigEdits(text, 'config.yaml', {
      kind: 'move',
      lib: 'kv',
      compartment: 'comp1',
    });
    expect(edits).toEqual([]);
    const emptied = MINIKV.replace(
      '  - sched: { compartment: comp2, hardening: [safestack] }   # per-library form\n',
      '',
    );
    const out = applyEdits(
      emptied,
      toConfigEdits(emptied, 'config.yaml', {
        kind: 'move',
        lib: 'netstack',
        compartment: 'comp1',
      }),
    );
    expect(out).not.toContain('comp2');
    expect(parseImageConfig(out, 'config.yaml').diagnostics).toEqual([]);
  });

  it('edits kraft.yaml in the kraft form', () => {
    const moved = applyEdits(
      REDIS_KRAFT,
      toConfigEdits(REDIS_KRAFT, 'kraft.yaml', {
        kind: 'new-compartment',
        lib: 'tlsf',
        compartment: 'comp3',
      }),
    );
    expect(moved).toContain('  - name: comp3\n    mechanism:\n      driver: intel-pku\n');
    expect(moved).toContain('      - CONFIG_LIBTLSF=y\n    compartment: comp3\n');
    const added = applyEdits(
      REDIS_KRAFT,
      toConfigEdits(REDIS_KRAFT, 'kraft.yaml', {
        kind: 'move',
        lib: 'ukalloc',
        compartment: 'comp2',
      }),
    );
    expect(added).toContain('  ukalloc:\n    is_core: true\n    compartment: comp2\nvolumes: {}\n');
  });

  it('rewrites only the differing part when the layout cannot be edited in place', () => {
    const text = MINIKV.replace('  - netstack: comp2', '    netstack: comp2');
    const change: ConfigChange = { kind: 'move', lib: 'netstack', compartment: 'comp1' };
    expect(toInPlaceConfigEdits(text, 'config.yaml', change)).toBeUndefined();
    const config = parseImageConfig(text, 'config.yaml').config;
    const edited = parseImageConfig(
      applyEdits(text, toConfigEdits(text, 'config.yaml', change)),
      'config.yaml',
    ).config;
    expect(config && edited && stripSpans(edited)).toEqual(
      config && stripSpans(applyConfigChange(config, change)),
    );
  });

  it('returns no edits for text without a config', () => {
    expect(
      toConfigEdits('- a\n', 'config.yaml', { kind: 'move', lib: 'a', compartment: 'b' }),
    ).toEqual([]);
  });
});
