import { describe, expect, it } from 'vitest';
import { parseConfigYaml, parseKraftYaml } from '../../../src/core/config/index.ts';
import { applyEdits, type Diagnostic } from '../../../src/core/diagnostics.ts';
import { parseSpace, parseWorkload } from '../../../src/core/explore/index.ts';

/** The unknown-key diagnostic of a parse, with the text it points at and its fix applied. */
function unknownKey(text: string, diagnostics: Diagnostic[]) {
  const d = diagnostics.find((x) => x.code.endsWith('/unknown-key'));
  if (!d) throw new Error('no unknown-key diagnostic');
  const fix = d.fixes?.[0];
  return {
    code: d.code,
    severity: d.severity,
    at: text.slice(d.span.start, d.span.end),
    fixed: fix ? applyEdits(text, fix.edits) : undefined,
    title: fix?.title,
  };
}

describe('unknown keys, the same in every YAML file', () => {
  it('config.yaml suggests the nearest key', () => {
    const text =
      'name: t\ncompartmnts:\n  - c:\n      mechanism: fcalls\n      default: true\nlibraries: []\n';
    expect(unknownKey(text, parseConfigYaml(text).diagnostics)).toEqual({
      code: 'config/unknown-key',
      severity: 'error',
      at: 'compartmnts',
      fixed: text.replace('compartmnts', 'compartments'),
      title: "Change to 'compartments'",
    });
  });

  it('kraft.yaml suggests the nearest key, as a warning', () => {
    const text =
      "specification: '0.6'\nname: t\ncompartments:\n  - name: c\n    mechanism:\n      driver: fcalls\n    default: true\nlibraries: {}\nalias: {}\n";
    expect(unknownKey(text, parseKraftYaml(text).diagnostics)).toEqual({
      code: 'config/unknown-key',
      severity: 'warning',
      at: 'alias',
      fixed: text.replace('alias:', 'aliases:'),
      title: "Change to 'aliases'",
    });
  });

  it('space.yaml suggests the nearest key, as a warning', () => {
    const text = 'components: [a, b]\nmax-compartment: 2\n';
    const { space, diagnostics } = parseSpace(text);
    expect(space).toBeDefined();
    expect(unknownKey(text, diagnostics)).toEqual({
      code: 'space/unknown-key',
      severity: 'warning',
      at: 'max-compartment',
      fixed: text.replace('max-compartment', 'max-compartments'),
      title: "Change to 'max-compartments'",
    });
  });

  it('workload.yaml suggests the nearest key, as a warning', () => {
    const text = 'baseline: 1000\nshares:\n  a: 0.5\n';
    const { workload, diagnostics } = parseWorkload(text);
    expect(workload).toBeDefined();
    expect(unknownKey(text, diagnostics)).toEqual({
      code: 'workload/unknown-key',
      severity: 'warning',
      at: 'shares',
      fixed: text.replace('shares', 'share'),
      title: "Change to 'share'",
    });
  });

  it('offers no fix when no key is a typo away', () => {
    const text = 'components: [a]\nzzzzzzzz: 1\n';
    const d = unknownKey(text, parseSpace(text).diagnostics);
    expect(d.at).toBe('zzzzzzzz');
    expect(d.fixed).toBeUndefined();
  });
});
