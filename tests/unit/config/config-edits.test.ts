import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../../src/core/diagnostics.ts';
import {
  applyConfigChange,
  createConfigEdits,
  parseImageConfig,
  printConfigYaml,
  stripSpans,
  toConfigEdits,
  toInPlaceConfigEdits,
  type ConfigChange,
  type ImageConfig,
} from '../../../src/core/config/index.ts';
import { checkPlacement } from '../../../src/core/solver/index.ts';
import { fortyComponents } from '../solver/fixtures.ts';
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
  [
    'config.yaml',
    `# image without a libraries key: everything in the default
name: sth
compartments:
  - comp1:
      mechanism: intel-mpk   # mpk
      default: true
`,
  ],
  [
    'config.yaml',
    `# no libraries key at all
name: stf
compartments:
  - comp1: { mechanism: intel-mpk, default: true }
  - comp2: { mechanism: intel-mpk, hardening: [ubsan] }  # c2`,
  ],
  [
    'config.yaml',
    'name: fs\ncompartments: [{one: {mechanism: cheri, default: true}}, {two: {mechanism: cheri}}] # flow\n# the end\n',
  ],
  [
    'config.yaml',
    'name: nolibs\ncompartments:\n  - a:\n      mechanism: vm-ept\n      default: true # first\nlibraries:   # none yet\n# the end\n',
  ],
  ['kraft.yaml', REDIS_KRAFT],
  [
    'kraft.yaml',
    "specification: '0.6'\nname: tiny\ncompartments:\n  - name: comp1\n    mechanism: { driver: fcalls }\n    default: true\nlibraries: {}\n",
  ],
];

function changesFor(config: ImageConfig): ConfigChange[] {
  // Libraries may come from libs/ directories only, placed in the default compartment.
  const libs = [...config.libraries.map((l) => l.name), 'newlib', 'other'];
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

/**
 * Texts as people write them when the libraries come from `libs/` directories: no
 * `libraries:` key (or an empty one), compartments in block or flow style, comments on lines
 * of their own and after values.
 */
const shapeArb = fc
  .record({
    count: fc.integer({ min: 1, max: 3 }),
    flowSeq: fc.boolean(),
    flowItems: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
    hardened: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
    comments: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
    libraries: fc.constantFrom('none', 'empty', 'flow-empty'),
    trailingNewline: fc.boolean(),
    crlf: fc.boolean(),
  })
  .map((s) => {
    const note = (i: number, text: string): string => (s.comments[i] ? `  # ${text}` : '');
    const names = Array.from({ length: s.count }, (_, i) => `comp${i + 1}`);
    const fields = (i: number): string[] => [
      'mechanism: intel-mpk',
      ...(i === 0 ? ['default: true'] : []),
      ...(s.hardened[i] ? ['hardening: [ubsan]'] : []),
    ];
    const lines = [...(s.comments[0] ? ['# an image from libs/'] : []), 'name: shape'];
    if (s.flowSeq) {
      const items = names.map((n, i) => `{${n}: {${fields(i).join(', ')}}}`);
      lines.push(`compartments: [${items.join(', ')}]${note(1, 'flow')}`);
    } else {
      lines.push(`compartments:${note(1, 'block')}`);
      names.forEach((n, i) => {
        if (s.flowItems[i]) lines.push(`  - ${n}: { ${fields(i).join(', ')} }${note(2, n)}`);
        else {
          lines.push(`  - ${n}:${note(2, n)}`);
          for (const f of fields(i)) lines.push(`      ${f}`);
        }
      });
    }
    if (s.libraries === 'empty') lines.push(`libraries:${note(3, 'none yet')}`);
    if (s.libraries === 'flow-empty') lines.push(`libraries: []${note(3, 'none yet')}`);
    if (s.comments[4]) lines.push('# the end');
    const nl = s.crlf ? '\r\n' : '\n';
    return lines.join(nl) + (s.trailingNewline ? nl : '');
  });

describe('toConfigEdits on configs without library entries', () => {
  it('adds a libraries block (or appends to a flow list) in place, keeping every comment', () => {
    const arb = shapeArb.chain((text) => {
      const config = parseImageConfig(text, 'config.yaml').config;
      if (!config) throw new Error(`no config:\n${text}`);
      const lib = fc.constantFrom('app', 'netstack');
      const comp = fc.constantFrom(...config.compartments.map((c) => c.name));
      const change: fc.Arbitrary<ConfigChange> = fc.oneof(
        fc.record({ kind: fc.constant('move' as const), lib, compartment: comp }),
        fc.record({
          kind: fc.constant('new-compartment' as const),
          lib,
          compartment: fc.constant('fresh'),
        }),
        fc.record({
          kind: fc.constant('harden' as const),
          lib,
          hardening: fc.constantFrom('asan' as const, 'cfi' as const),
        }),
      );
      return fc.tuple(fc.constant(text), fc.constant(config), change);
    });
    fc.assert(
      fc.property(arb, ([text, config, change]) => {
        const edits = toInPlaceConfigEdits(text, 'config.yaml', change);
        expect(edits, `${JSON.stringify(change)}\n${text}`).toBeDefined();
        const edited = applyEdits(text, edits ?? []);
        const after = parseImageConfig(edited, 'config.yaml');
        expect(after.config && stripSpans(after.config)).toEqual(
          stripSpans(applyConfigChange(config, change)),
        );
        for (const c of comments(text)) expect(edited).toContain(c);
        expect(after.diagnostics.filter((d) => d.code === 'config/yaml-syntax')).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('writes the reviewer’s case as a new compartment and a libraries block below it', () => {
    const text = FILES.find(([, t]) => t.includes('name: sth'))?.[1] ?? '';
    const change: ConfigChange = { kind: 'new-compartment', lib: 'netstack', compartment: 'comp2' };
    expect(applyEdits(text, toConfigEdits(text, 'config.yaml', change))).toBe(
      `${text}  - comp2:\n      mechanism: intel-mpk\nlibraries:\n  - netstack: comp2\n`,
    );
  });
});

describe('toConfigEdits on every fix of a large check', () => {
  it('gives every fix edits, the same as planning the change directly', () => {
    const { specs, config } = fortyComponents();
    const text = printConfigYaml(config);
    const changes = checkPlacement(config, specs).violations.flatMap((v) => v.fixes);
    expect(changes.length).toBeGreaterThan(2000);
    const edits = changes.map((change) => toConfigEdits(text, 'config.yaml', change));
    const index = changes.findIndex((c) => c.kind === 'new-compartment');
    expect(applyEdits(text, edits[index] ?? [])).toBe(
      applyEdits(text, createConfigEdits(text, 'config.yaml').edits(changes[index]!)),
    );
    expect(edits.every((e) => e.length > 0)).toBe(true);
  });
});

describe('remove-compartment', () => {
  const unused = MINIKV.replace('  - netstack: comp2\n', '').replace(
    '  - sched: { compartment: comp2, hardening: [safestack] }   # per-library form\n',
    '',
  );

  it('removes an empty compartment in place, in config.yaml and kraft.yaml', () => {
    const change = { kind: 'remove-compartment', compartment: 'comp2' } as const;
    expect(applyEdits(unused, toInPlaceConfigEdits(unused, 'config.yaml', change) ?? [])).toBe(
      unused.replace(
        '  - comp2:\n      mechanism: intel-mpk\n      hardening: [asan, cfi] # applies to every library placed here\n',
        '',
      ),
    );
    const kraft = REDIS_KRAFT.replace(/ {4}compartment: comp2\n/g, '    compartment: comp1\n');
    const edits = toInPlaceConfigEdits(kraft, 'kraft.yaml', change);
    expect(
      parseImageConfig(applyEdits(kraft, edits ?? []), 'kraft.yaml').config?.compartments,
    ).toMatchObject([{ name: 'comp1' }]);
  });

  it('changes nothing for the default compartment or one that holds a library', () => {
    const config = parseImageConfig(MINIKV, 'config.yaml').config as ImageConfig;
    for (const compartment of ['comp1', 'comp2', 'nowhere'])
      expect(applyConfigChange(config, { kind: 'remove-compartment', compartment })).toEqual(
        config,
      );
    expect(
      toConfigEdits(MINIKV, 'config.yaml', { kind: 'remove-compartment', compartment: 'comp2' }),
    ).toEqual([]);
  });
});
