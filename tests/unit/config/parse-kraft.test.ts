import { describe, expect, it } from 'vitest';
import {
  isKraftFile,
  parseConfigYaml,
  parseImageConfig,
  parseKraftYaml,
  printConfigYaml,
  printKraftYaml,
  stripSpans,
} from '../../../src/core/config/index.ts';
import { MINIKV, REDIS_KRAFT } from './helpers.ts';

describe('parseKraftYaml', () => {
  it('reads a FlexOS kraft.yaml, ignoring the Unikraft-only sections', () => {
    const { config, diagnostics } = parseKraftYaml(REDIS_KRAFT);
    expect(diagnostics).toEqual([]);
    expect(config && stripSpans(config)).toEqual({
      name: 'redis',
      sharing: 'heap',
      compartments: [
        { name: 'comp1', mechanism: 'intel-mpk', default: true, hardening: [] },
        { name: 'comp2', mechanism: 'intel-mpk', default: false, hardening: [] },
      ],
      libraries: [
        // A library without `compartment:` is in the default compartment.
        { name: 'tlsf', compartment: 'comp1', hardening: [] },
        { name: 'newlib', compartment: 'comp1', hardening: [] },
        { name: 'lwip', compartment: 'comp2', hardening: [] },
        { name: 'uksched', compartment: 'comp2', hardening: [] },
      ],
      aliases: {},
    });
  });

  it('reads the sharing mode from the FlexOS Kconfig options', () => {
    const dss = REDIS_KRAFT.replace(
      'CONFIG_LIBFLEXOS=y',
      'CONFIG_LIBFLEXOS=y\n    - CONFIG_LIBFLEXOS_ENABLE_DSS=y',
    );
    expect(parseKraftYaml(dss).config?.sharing).toBe('dss');
    const shared = REDIS_KRAFT.replace(
      'kconfig:\n    - CONFIG_LIBUKDEBUG=y',
      'kconfig:\n    CONFIG_LIBFLEXOS_GATE_INTELPKU_SHARED_STACKS: y',
    );
    expect(shared).not.toBe(REDIS_KRAFT);
    expect(parseKraftYaml(shared).config?.sharing).toBe('shared-stack');
  });

  it('reads per-compartment and per-library hardening and every driver name', () => {
    const text = REDIS_KRAFT.replaceAll('driver: intel-pku', 'driver: vmept')
      .replace('    default: true', '    default: true\n    hardening: [cfi]')
      .replace(
        'compartment: comp2\n  uksched',
        'compartment: comp2\n    hardening: [asan]\n  uksched',
      );
    const { config, diagnostics } = parseKraftYaml(text);
    expect(diagnostics).toEqual([]);
    expect(config?.compartments.map((c) => [c.mechanism, c.hardening])).toEqual([
      ['vm-ept', ['cfi']],
      ['vm-ept', []],
    ]);
    expect(config?.libraries.find((l) => l.name === 'lwip')?.hardening).toEqual(['asan']);
  });

  it('round-trips config.yaml -> ImageConfig -> kraft.yaml -> ImageConfig', () => {
    const first = parseConfigYaml(
      `${MINIKV.replace('sharing: heap', 'sharing: dss')}aliases:\n  libc: kv\n`,
    ).config;
    expect(first).not.toBeNull();
    if (!first) return;
    const kraft = printKraftYaml(first);
    expect(kraft).toContain('driver: intel-pku');
    const second = parseKraftYaml(kraft);
    expect(second.diagnostics).toEqual([]);
    expect(second.config && stripSpans(second.config)).toEqual(stripSpans(first));
  });

  it('round-trips kraft.yaml -> ImageConfig -> config.yaml -> ImageConfig', () => {
    const first = parseKraftYaml(REDIS_KRAFT).config;
    expect(first).not.toBeNull();
    if (!first) return;
    const second = parseConfigYaml(printConfigYaml(first));
    expect(second.diagnostics).toEqual([]);
    expect(second.config && stripSpans(second.config)).toEqual(stripSpans(first));
    const again = parseKraftYaml(printKraftYaml(first)).config;
    expect(again && stripSpans(again)).toEqual(stripSpans(first));
  });

  it('writes is_core for Unikraft-internal libraries and the driver names', () => {
    const config = parseKraftYaml(REDIS_KRAFT).config;
    if (!config) throw new Error('expected a config');
    const text = printKraftYaml({
      ...config,
      compartments: config.compartments.map((c) => ({ ...c, mechanism: 'vm-ept' })),
    });
    expect(text).toMatch(/uksched:\n {4}is_core: true\n/);
    expect(text).toMatch(/lwip:\n {4}version: staging\n/);
    expect(text).toContain('driver: vmept');
    expect(text).toContain('CONFIG_LIBFLEXOS_VMEPT=y');
  });
});

describe('parseImageConfig picks the format', () => {
  it('by file name', () => {
    expect(isKraftFile('kraft.yaml')).toBe(true);
    expect(isKraftFile('apps/redis/kraft.yml')).toBe(true);
    expect(isKraftFile('examples/minikv/config.yaml', "specification: '0.6'")).toBe(false);
    expect(parseImageConfig(REDIS_KRAFT, 'apps/redis/kraft.yaml').config?.name).toBe('redis');
  });

  it('by content when the name does not tell', () => {
    expect(isKraftFile('image.yaml', REDIS_KRAFT)).toBe(true);
    expect(isKraftFile('image.yaml', MINIKV)).toBe(false);
    expect(parseImageConfig(REDIS_KRAFT, 'image.yaml').diagnostics).toEqual([]);
    expect(parseImageConfig(MINIKV, 'image.yaml').diagnostics).toEqual([]);
  });
});
