import { describe, expect, it } from 'vitest';
import { checkImageConfig, type ImageConfig } from '../../../src/core/config/index.ts';

const base: ImageConfig = {
  name: 'app',
  sharing: 'heap',
  compartments: [
    { name: 'comp1', mechanism: 'intel-mpk', default: true, hardening: [] },
    { name: 'comp2', mechanism: 'intel-mpk', default: false, hardening: ['asan'] },
  ],
  libraries: [
    { name: 'app', compartment: 'comp1', hardening: [] },
    { name: 'lwip', compartment: 'comp2', hardening: ['cfi'] },
  ],
  aliases: {},
};

const codes = (config: ImageConfig): string[] =>
  checkImageConfig(config)
    .map((d) => d.code)
    .sort();

describe('checkImageConfig on configs built in code', () => {
  it('accepts a valid config', () => {
    expect(checkImageConfig(base)).toEqual([]);
  });

  it('finds every semantic rule broken, with spans in the given file', () => {
    const broken: ImageConfig = {
      ...base,
      name: 'App',
      compartments: [
        { name: 'comp1', mechanism: 'intel-mpk', default: false, hardening: [] },
        { name: 'comp2', mechanism: 'vm-ept', default: false, hardening: [] },
        { name: 'comp2', mechanism: 'intel-mpk', default: false, hardening: [] },
        { name: 'comp3', mechanism: 'intel-mpk', default: false, hardening: [] },
      ],
      libraries: [...base.libraries, { name: 'lwip', compartment: 'comp9', hardening: [] }],
      aliases: { libc: 'newlib' },
    };
    expect(codes(broken)).toEqual([
      'config/alias-unknown-library',
      'config/bad-name',
      'config/duplicate-compartment',
      'config/duplicate-library',
      'config/mixed-mechanisms',
      'config/no-default',
      'config/unused-compartment',
    ]);
    for (const d of checkImageConfig(broken, undefined, 'x/config.yaml'))
      expect(d.span.file).toBe('x/config.yaml');
  });

  it('uses the spans a config carries', () => {
    const span = { file: 'config.yaml', start: 10, end: 15 };
    const config = {
      ...base,
      libraries: [
        { name: 'app', compartment: 'nowhere', hardening: [], span },
        ...base.libraries.slice(1),
      ],
    };
    const [d] = checkImageConfig(config);
    expect(d).toMatchObject({ code: 'config/unknown-compartment', span });
    expect(d?.fixes).toBeUndefined(); // a fix needs the text, which only a parser has
  });

  it('counts the first compartment as default when none is marked', () => {
    const config = {
      ...base,
      compartments: base.compartments.map((c) => ({ ...c, default: false })),
      libraries: base.libraries.slice(1),
    };
    expect(codes(config)).toEqual(['config/no-default']);
  });

  it('warns that an all-fcalls image with several compartments isolates nothing', () => {
    const config = {
      ...base,
      compartments: base.compartments.map((c) => ({ ...c, mechanism: 'fcalls' as const })),
    };
    expect(checkImageConfig(config).map((d) => [d.code, d.severity])).toEqual([
      ['config/fcalls-no-isolation', 'warning'],
    ]);
    expect(
      codes({
        ...config,
        compartments: config.compartments.slice(0, 1),
        libraries: base.libraries.slice(0, 1),
      }),
    ).toEqual([]);
  });
});
