import { describe, expect, it } from 'vitest';
import { hasErrors, type Diagnostic } from '../../../src/core/diagnostics.ts';
import { parseImageConfig } from '../../../src/core/config/index.ts';
import { parseSpace, parseWorkload } from '../../../src/core/explore/index.ts';
import { MAX_DIAGNOSTICS_PER_FILE } from '../../../src/core/yaml/index.ts';
import { diagnosticsAt, MINIKV, REDIS_KRAFT } from './helpers.ts';

/** Every YAML file of a workspace, each read by its own parser through the one YAML layer. */
const READERS: [string, (text: string) => Diagnostic[]][] = [
  ['config', (t) => parseImageConfig(t, 'config.yaml').diagnostics],
  ['config', (t) => parseImageConfig(t, 'kraft.yaml').diagnostics],
  ['space', (t) => parseSpace(t).diagnostics],
  ['workload', (t) => parseWorkload(t).diagnostics],
];

const LEVELS = 10_000;

describe('nesting deep enough to overflow the YAML composer', () => {
  const texts = [
    `a: ${'['.repeat(LEVELS)}${']'.repeat(LEVELS)}`,
    `a: ${'{b: '.repeat(LEVELS)}${'}'.repeat(LEVELS)}`,
    `${'- '.repeat(LEVELS)}x`,
    Array.from({ length: LEVELS }, (_, i) => `${' '.repeat(i)}k:`).join('\n'),
    `x: &a ${'['.repeat(LEVELS)}`,
  ];
  it.each(READERS)(
    'is one %s/too-deep diagnostic in each file, never an exception',
    (prefix, read) => {
      for (const text of texts) {
        expect(read(text).map((d) => d.code)).toEqual([`${prefix}/too-deep`]);
      }
    },
  );

  it('does not count brackets inside quoted strings, block scalars or comments', () => {
    const deep = '['.repeat(150);
    const text = `name: "${deep}"
sharing: heap # ${'{'.repeat(300)}
compartments:
  - c: { mechanism: intel-mpk, default: true }
libraries: ['${deep}', "${'{'.repeat(150)}\\"}"]
aliases:
  libc: |
    ${deep}
`;
    const codes = parseImageConfig(text, 'config.yaml').diagnostics.map((d) => d.code);
    expect(codes).not.toContain('config/too-deep');
    expect(codes).toContain('config/bad-name');
    expect(parseSpace(`name: '${deep}'\ncomponents: [a] # ${deep}\n`).diagnostics).toMatchObject([
      { code: 'space/bad-name' },
    ]);
  });
});

describe('40,000 unknown keys', () => {
  const keys = Array.from({ length: 40_000 }, (_, i) => `unknown${i}: ${i}`).join('\n');
  const [config, kraft, space, workload] = READERS.map(([, read]) => read);
  const files: [string, string, string, ((t: string) => Diagnostic[]) | undefined][] = [
    ['config', 'config.yaml', `${MINIKV}${keys}\n`, config],
    ['config', 'kraft.yaml', `${REDIS_KRAFT}${keys}\n`, kraft],
    ['space', 'space.yaml', `components: [a]\n${keys}\n`, space],
    ['workload', 'workload.yaml', `baseline: 1\n${keys}\n`, workload],
  ];
  it.each(files)(
    'give the first %s diagnostics and one summary of the rest (%s)',
    (prefix, _file, text, read) => {
      const diagnostics = read?.(text) ?? [];
      expect(diagnostics).toHaveLength(MAX_DIAGNOSTICS_PER_FILE + 1);
      expect(diagnostics.slice(0, -1).every((d) => d.code === `${prefix}/unknown-key`)).toBe(true);
      const summary = diagnostics.at(-1);
      expect(summary?.code).toBe(`${prefix}/too-many-problems`);
      expect(summary?.message).toContain(String(40_000 - MAX_DIAGNOSTICS_PER_FILE));
      // The summary sits at the first key it stands for.
      expect(text.slice(summary?.span.start, summary?.span.end)).toBe(
        `unknown${MAX_DIAGNOSTICS_PER_FILE}`,
      );
    },
  );

  it('keep the file broken when the errors are past the cap', () => {
    const warnings = Array.from({ length: 300 }, (_, i) => `unknown${i}: ${i}`).join('\n');
    const broken = REDIS_KRAFT.replace('---\n', '').replace(
      'driver: intel-pku',
      'driver: intel-pkk',
    );
    const text = `${warnings}\n${broken}`;
    const diagnostics = parseImageConfig(text, 'kraft.yaml').diagnostics;
    expect(diagnostics.slice(0, -1).every((d) => d.severity === 'warning')).toBe(true);
    expect(diagnostics.at(-1)).toMatchObject({
      code: 'config/too-many-problems',
      severity: 'error',
    });
    expect(hasErrors(diagnostics)).toBe(true);
  });

  it('and 40,000 duplicated keys are found one map at a time', () => {
    const dup = Array.from({ length: 40_000 }, () => 'name: x').join('\n');
    const diagnostics = parseImageConfig(`${dup}\n`, 'config.yaml').diagnostics;
    expect(diagnostics.at(-1)?.code).toBe('config/too-many-problems');
    expect(diagnostics.filter((d) => d.code === 'config/yaml-syntax')).toHaveLength(
      MAX_DIAGNOSTICS_PER_FILE,
    );
    expect(diagnosticsAt(`name: a\n${MINIKV}`)).toEqual(['config/yaml-syntax@2:1']);
  });
});

describe('YAML syntax errors point at what is broken', () => {
  const base = MINIKV;
  it.each([
    ['an unclosed [', base.replace('hardening: [asan, cfi]', 'hardening: [asan, cfi'), '9:18'],
    [
      'an unclosed {',
      base
        .replace('{ compartment: comp2,', '{ compartment: [comp2],')
        .replace('[safestack] }', '[safestack]'),
      '13:12',
    ],
    ['an unclosed double quote', base.replace('name: minikv', 'name: "minikv'), '1:7'],
    ['an unclosed single quote', base.replace('  - kv: comp1', "  - kv: 'comp1"), '11:9'],
  ])('%s, where it opens', (_what, text, at) => {
    const syntax = diagnosticsAt(text).filter((p) => p.startsWith('config/yaml-syntax'));
    expect(syntax[0]).toBe(`config/yaml-syntax@${at}`);
  });
});

describe('absurd numbers', () => {
  it('are diagnostics in config.yaml and kraft.yaml, never a crash', () => {
    const config = `name: 1e308
sharing: .nan
compartments:
  - -0: { mechanism: 1e-320, default: 1e308, hardening: [.inf] }
libraries:
  - 1e308: -.inf
`;
    const kraft = `specification: 1e308
name: -0
unikraft: { kconfig: [1e308, .nan] }
compartments:
  - name: c
    mechanism: { driver: intel-pku, noisolstack: 1e-320 }
    default: -0
libraries:
  1e308: { compartment: c, is_core: .nan }
`;
    for (const [text, file] of [
      [config, 'config.yaml'],
      [kraft, 'kraft.yaml'],
    ] as const) {
      const { diagnostics } = parseImageConfig(text, file);
      expect(hasErrors(diagnostics)).toBe(true);
      expect(diagnostics.map((d) => d.code)).not.toContain('config/internal-error');
    }
  });

  it.each([
    ['baseline: 1e-320', 'workload/bad-number'],
    ['baseline: 1e308', 'workload/bad-number'],
    ['baseline: .nan', 'workload/bad-number'],
    ['baseline: -0', 'workload/bad-number'],
    ['baseline: 1\nclock-ghz: 1e-300', 'workload/bad-number'],
    ['baseline: 1\nshare: { a: 1e-320 }', 'workload/bad-number'],
  ])('%s in workload.yaml is %s', (text, code) => {
    expect(parseWorkload(text).diagnostics.map((d) => d.code)).toEqual([code]);
  });

  it('reads -0 as 0 where 0 is allowed', () => {
    expect(parseWorkload('baseline: 1\nshare: { a: -0 }').workload?.share).toEqual({ a: 0 });
  });

  it.each(['1e308', '.inf', '.nan', '-0', '1e-320'])('max-compartments: %s in space.yaml', (n) => {
    expect(parseSpace(`components: [a]\nmax-compartments: ${n}\n`).diagnostics).toMatchObject([
      { code: 'space/bad-max-compartments' },
    ]);
  });
});
