import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../../src/core/diagnostics.ts';
import { isHardening, isMechanism } from '../../../src/core/model.ts';
import {
  applyConfigChange,
  parseConfigYaml,
  parseImageConfig,
  parseKraftYaml,
  printConfigYaml,
  printKraftYaml,
  stripSpans,
  toConfigEdits,
  toInPlaceConfigEdits,
  type ConfigParseResult,
  type ImageConfig,
} from '../../../src/core/config/index.ts';
import { changeArb, imageConfigArb, mutatedArb } from './arbitraries.ts';
import { MINIKV, REDIS_KRAFT } from './helpers.ts';

/** What every parse result must satisfy, whatever the input. */
function expectWellFormed(text: string, result: ConfigParseResult): void {
  for (const d of result.diagnostics) {
    expect(d.code).not.toBe('config/internal-error');
    expect(d.code.startsWith('config/')).toBe(true);
    expect(0 <= d.span.start && d.span.start <= d.span.end && d.span.end <= text.length).toBe(true);
    for (const fix of d.fixes ?? []) applyEdits(text, fix.edits);
  }
  const config = result.config;
  if (!config) return;
  expect(config.compartments.length).toBeGreaterThan(0);
  for (const c of config.compartments) {
    expect(isMechanism(c.mechanism)).toBe(true);
    expect(c.hardening.every(isHardening)).toBe(true);
  }
  expect(new Set(config.libraries.map((l) => l.name)).size).toBe(config.libraries.length);
  expect(structuredClone(result)).toEqual(result);
}

function parseAll(text: string): void {
  expectWellFormed(text, parseConfigYaml(text));
  expectWellFormed(text, parseKraftYaml(text));
  expectWellFormed(text, parseImageConfig(text, 'image.yaml'));
}

const YAMLISH = fc.string({
  unit: fc.constantFrom(...' \n-:#[]{},\'"&*!|>?%@`abcname0.6'),
  maxLength: 200,
});

describe('parsers never throw', () => {
  it('on random strings', () => {
    fc.assert(fc.property(fc.string(), parseAll), { numRuns: 300 });
    fc.assert(fc.property(fc.string({ unit: 'binary' }), parseAll), { numRuns: 300 });
    fc.assert(fc.property(YAMLISH, parseAll), { numRuns: 300 });
  });

  it('on pathological nesting', () => {
    for (const text of [
      '['.repeat(100_000),
      '- '.repeat(5000),
      'a: '.repeat(5000),
      `a:\n${' '.repeat(5000)}b`,
    ]) {
      const result = parseImageConfig(text, 'config.yaml');
      expect(result.diagnostics.map((d) => d.code)).toEqual(['config/too-deep']);
      expectWellFormed(text, result);
    }
    const shallow = `${MINIKV}# ${'[{- '.repeat(30)}\n`;
    expect(parseConfigYaml(shallow).diagnostics).toEqual([]);
  });

  it('on mutated valid files', () => {
    const printed = parseConfigYaml(MINIKV).config;
    const texts = [MINIKV, REDIS_KRAFT, ...(printed ? [printKraftYaml(printed)] : [])];
    fc.assert(fc.property(mutatedArb(texts), parseAll), { numRuns: 600 });
  });

  it('and edits never throw on mutated files', () => {
    const arb = fc
      .tuple(mutatedArb([MINIKV, REDIS_KRAFT]), fc.constantFrom('config.yaml', 'kraft.yaml'))
      .chain(([text, file]) => {
        const config = parseImageConfig(text, file).config;
        return fc.tuple(
          fc.constant(text),
          fc.constant(file),
          config ? changeArb(config) : fc.constant(null),
        );
      });
    fc.assert(
      fc.property(arb, ([text, file, change]) => {
        const config = parseImageConfig(text, file).config;
        if (!config || !change) return;
        const edits = toConfigEdits(text, file, change);
        const edited = parseImageConfig(applyEdits(text, edits), file).config;
        expect(edited && stripSpans(edited)).toEqual(stripSpans(applyConfigChange(config, change)));
      }),
      { numRuns: 300 },
    );
  });
});

describe('print/parse round trip', () => {
  it('config.yaml', () => {
    fc.assert(
      fc.property(imageConfigArb, (config) => {
        const result = parseConfigYaml(printConfigYaml(config));
        expect(result.config && stripSpans(result.config)).toEqual(config);
        const structural = result.diagnostics.filter((d) => !SEMANTIC.has(d.code));
        expect(structural).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('kraft.yaml', () => {
    fc.assert(
      fc.property(imageConfigArb, (config) => {
        const result = parseKraftYaml(printKraftYaml(config));
        expect(result.config && stripSpans(result.config)).toEqual(inNumberOrder(config));
        expect(result.diagnostics.filter((d) => !SEMANTIC.has(d.code))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('edits of printed files agree with applyConfigChange', () => {
    const arb = imageConfigArb.chain((config) =>
      fc.tuple(
        fc.constant(config),
        changeArb(config),
        fc.constantFrom('config.yaml', 'kraft.yaml'),
      ),
    );
    fc.assert(
      fc.property(arb, ([config, change, file]) => {
        const text = file === 'kraft.yaml' ? printKraftYaml(config) : printConfigYaml(config);
        const edits = toInPlaceConfigEdits(text, file, change);
        expect(edits).toBeDefined();
        const edited = parseImageConfig(applyEdits(text, edits ?? []), file).config;
        const printed = file === 'kraft.yaml' ? inNumberOrder(config) : config;
        expect(edited && stripSpans(edited)).toEqual(
          stripSpans(applyConfigChange(printed, change)),
        );
      }),
      { numRuns: 300 },
    );
  });
});

/** The compartments as kraft.yaml lists them: the default (number 0) first, then the others. */
function inNumberOrder(config: ImageConfig): ImageConfig {
  const def = config.compartments.find((c) => c.default) ?? config.compartments[0];
  const rest = config.compartments.filter((c) => c !== def);
  return { ...config, compartments: def ? [def, ...rest] : rest };
}

/** Rules between the parts of an image, which a random config may break. */
const SEMANTIC = new Set([
  'config/no-default',
  'config/multiple-defaults',
  'config/mixed-mechanisms',
  'config/unused-compartment',
  'config/unknown-compartment',
  'config/fcalls-no-isolation',
  'config/alias-unknown-library',
]);
