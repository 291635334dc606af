import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../../src/core/diagnostics.ts';
import { parseImageConfig } from '../../../src/core/config/index.ts';
import { CASES } from './broken-files.ts';

const count = (text: string, file: string, code: string): number =>
  parseImageConfig(text, file).diagnostics.filter((d) => d.code === code).length;

describe('fixes', () => {
  it.each(CASES)('applying each fix removes its diagnostic: %s', (_what, file, make) => {
    const text = make();
    const { diagnostics } = parseImageConfig(text, file);
    for (const d of diagnostics) {
      for (const fix of d.fixes ?? []) {
        const fixed = applyEdits(text, fix.edits);
        expect(fix.edits.every((e) => e.file === file)).toBe(true);
        expect(count(fixed, file, d.code), `${d.code}: ${fix.title}`).toBe(
          count(text, file, d.code) - 1,
        );
        expect(count(fixed, file, 'config/yaml-syntax')).toBe(
          count(text, file, 'config/yaml-syntax'),
        );
      }
    }
  });

  it('offers the obvious fix for the rules that have one', () => {
    const withFix = new Set<string>();
    for (const [, file, make] of CASES) {
      for (const d of parseImageConfig(make(), file).diagnostics) if (d.fixes) withFix.add(d.code);
    }
    for (const code of [
      'config/unknown-key',
      'config/unknown-hardening',
      'config/multiple-defaults',
      'config/no-default',
      'config/unused-compartment',
      'config/unknown-compartment',
      'config/duplicate-library',
      'config/mixed-mechanisms',
      'config/missing-dash',
      'config/unknown-specification',
      'config/unknown-mechanism',
    ]) {
      expect(withFix, code).toContain(code);
    }
  });

  it('replaces a misspelt mechanism with the spelling of the file format', () => {
    const config =
      'name: a\ncompartments:\n  - c: { mechanism: intel-mpx, default: true }\nlibraries: []\n';
    const [d] = parseImageConfig(config, 'config.yaml').diagnostics;
    expect(d?.code).toBe('config/unknown-mechanism');
    expect(d?.fixes?.[0]?.edits[0]?.text).toBe('intel-mpk');
    const kraft =
      "specification: '0.6'\nname: a\ncompartments:\n  - name: c\n    mechanism: { driver: intel-pkk }\n    default: true\nlibraries: {}\n";
    const [k] = parseImageConfig(kraft, 'kraft.yaml').diagnostics;
    expect(k?.code).toBe('config/unknown-mechanism');
    expect(k?.fixes?.[0]?.edits[0]?.text).toBe('intel-pku');
  });
});
