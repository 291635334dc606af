import { describe, expect, it } from 'vitest';
import { parseConfigYaml, parseImageConfig } from '../../../src/core/config/index.ts';
import { CASES, edit } from './broken-files.ts';
import { MINIKV, diagnosticsAt } from './helpers.ts';

describe('each rule broken is one diagnostic with its code at the offending key or value', () => {
  it.each(CASES)('%s', (_what, file, make, expected) => {
    const text = make();
    expect(diagnosticsAt(text, file).sort()).toEqual([...expected].sort());
  });

  it('reports warnings as warnings and the rest as errors', () => {
    const warnings = new Set([
      'config/fcalls-no-isolation',
      'config/alias-unknown-library',
      'config/unknown-specification',
    ]);
    for (const [, file, make] of CASES) {
      for (const d of parseImageConfig(make(), file).diagnostics) {
        if (d.code === 'config/unknown-key' && file === 'kraft.yaml')
          expect(d.severity).toBe('warning');
        else expect(d.severity).toBe(warnings.has(d.code) ? 'warning' : 'error');
      }
    }
  });

  it('returns the best config it can next to the diagnostics', () => {
    const text = edit(
      MINIKV,
      'mechanism: intel-mpk\n      hardening',
      'mechanism: mpk\n      hardening',
    );
    const { config } = parseConfigYaml(text);
    expect(config?.compartments.map((c) => c.mechanism)).toEqual(['intel-mpk', 'intel-mpk']);
    expect(parseConfigYaml('- a\n').config).toBeNull();
    expect(parseConfigYaml('name: x\ncompartments: []\nlibraries: []\n').config).toBeNull();
    const duplicated = parseConfigYaml(
      edit(MINIKV, '  - netstack: comp2\n', '  - netstack: comp2\n  - kv: comp2\n'),
    ).config;
    expect(duplicated?.libraries.filter((l) => l.name === 'kv')).toMatchObject([
      { compartment: 'comp1' },
    ]);
  });
});
