import { describe, expect, it } from 'vitest';
import {
  hardeningOf,
  parseConfigYaml,
  resolveMechanism,
  stripSpans,
} from '../../../src/core/config/index.ts';
import { MINIKV, diagnosticsAt, spanText } from './helpers.ts';

describe('parseConfigYaml: valid files', () => {
  it('reads the docs/formats.md example without diagnostics', () => {
    const { config, diagnostics } = parseConfigYaml(MINIKV);
    expect(diagnostics).toEqual([]);
    expect(config && stripSpans(config)).toEqual({
      name: 'minikv',
      sharing: 'heap',
      compartments: [
        { name: 'comp1', mechanism: 'intel-mpk', default: true, hardening: [] },
        { name: 'comp2', mechanism: 'intel-mpk', default: false, hardening: ['asan', 'cfi'] },
      ],
      libraries: [
        { name: 'kv', compartment: 'comp1', hardening: [] },
        { name: 'netstack', compartment: 'comp2', hardening: [] },
        { name: 'sched', compartment: 'comp2', hardening: ['safestack'] },
      ],
      aliases: {},
    });
  });

  it('records the span of each compartment and library name', () => {
    const { config } = parseConfigYaml(MINIKV, 'examples/minikv/config.yaml');
    const comp2 = config?.compartments[1];
    expect(comp2?.span?.file).toBe('examples/minikv/config.yaml');
    expect(comp2?.span && MINIKV.slice(comp2.span.start, comp2.span.end)).toBe('comp2');
    const sched = config?.libraries[2];
    expect(sched?.span && MINIKV.slice(sched.span.start, sched.span.end)).toBe('sched');
  });

  it('combines per-compartment and per-library hardening', () => {
    const config = parseConfigYaml(MINIKV).config;
    expect(config).not.toBeNull();
    if (!config) return;
    expect(hardeningOf(config, 'sched').sort()).toEqual(['asan', 'cfi', 'safestack']);
    expect(hardeningOf(config, 'kv')).toEqual([]);
    // Unlisted libraries are in the default compartment.
    expect(hardeningOf(config, 'newlib')).toEqual([]);
  });

  it('sorts and deduplicates hardening lists', () => {
    const text = MINIKV.replace('[asan, cfi]', '[cfi, asan, cfi]');
    expect(parseConfigYaml(text).config?.compartments[1]?.hardening).toEqual(['asan', 'cfi']);
  });

  it('resolves mechanism aliases', () => {
    expect(resolveMechanism('intel-pku')).toBe('intel-mpk');
    expect(resolveMechanism('vmept')).toBe('vm-ept');
    expect(resolveMechanism('cheri')).toBe('cheri');
    expect(resolveMechanism('mpk')).toBeUndefined();
    expect(resolveMechanism('constructor')).toBeUndefined();
    const text = MINIKV.replaceAll('mechanism: intel-mpk', 'mechanism: intel-pku');
    const { config, diagnostics } = parseConfigYaml(text);
    expect(diagnostics).toEqual([]);
    expect(config?.compartments.map((c) => c.mechanism)).toEqual(['intel-mpk', 'intel-mpk']);
    const ept = parseConfigYaml(MINIKV.replaceAll('mechanism: intel-mpk', 'mechanism: vmept'));
    expect(ept.config?.compartments.map((c) => c.mechanism)).toEqual(['vm-ept', 'vm-ept']);
  });

  it('reads sharing modes and defaults to heap', () => {
    expect(parseConfigYaml(MINIKV.replace('sharing: heap', 'sharing: dss')).config?.sharing).toBe(
      'dss',
    );
    const without = MINIKV.replace(/^sharing:.*\n/m, '');
    expect(parseConfigYaml(without).config?.sharing).toBe('heap');
    expect(diagnosticsAt(without)).toEqual([]);
  });

  it('reads aliases', () => {
    const text = `${MINIKV}aliases:\n  libc: kv\n`;
    const { config, diagnostics } = parseConfigYaml(text);
    expect(diagnostics).toEqual([]);
    expect(config?.aliases).toEqual({ libc: 'kv' });
  });

  it('accepts block-style per-library maps and an empty library list', () => {
    const text = MINIKV.replace(
      '  - sched: { compartment: comp2, hardening: [safestack] }   # per-library form',
      '  - sched:\n      compartment: comp2\n      hardening:\n        - safestack',
    );
    expect(parseConfigYaml(text).config?.libraries[2]).toMatchObject({
      compartment: 'comp2',
      hardening: ['safestack'],
    });
    const single =
      'name: one\ncompartments:\n  - main: { mechanism: fcalls, default: true }\nlibraries: []\n';
    expect(parseConfigYaml(single).diagnostics).toEqual([]);
  });

  it('keeps names YAML would read as other types as written', () => {
    const text = MINIKV.replace('kv: comp1', "kv: 'comp1'").replace(
      'name: minikv',
      'name: "minikv"',
    );
    expect(parseConfigYaml(text).diagnostics).toEqual([]);
  });
});

describe('parseConfigYaml: spans of the offending key or value', () => {
  it('points at the image name, sharing, mechanism and hardening values', () => {
    const text = MINIKV.replace('name: minikv', 'name: MiniKV')
      .replace('sharing: heap', 'sharing: hepa')
      .replace('mechanism: intel-mpk   #', 'mechanism: intel-mkp   #')
      .replace('[asan, cfi]', '[asan, cif]');
    const { diagnostics } = parseConfigYaml(text);
    expect(diagnosticsAt(text)).toEqual([
      'config/bad-name@1:7',
      'config/unknown-sharing@2:10',
      'config/unknown-mechanism@5:18',
      'config/unknown-hardening@9:25',
    ]);
    expect(diagnostics.map((d) => spanText(text, d))).toEqual([
      'MiniKV',
      'hepa',
      'intel-mkp',
      'cif',
    ]);
  });
});
