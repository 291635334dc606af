/**
 * Every example's sources instantiate for all four mechanisms and three sharing modes with no
 * error diagnostic, and every output passes gcc (issue "Must show"); the artefacts of each
 * configuration are consistent with the gate sites.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MECHANISMS, SHARING_MODES } from '../../../src/core/model.ts';
import { buildArtefacts, instantiate, type GateSite } from '../../../src/core/rewrite/index.ts';
import {
  EXAMPLES,
  HAS_GCC,
  examples,
  exampleSources,
  gccSyntaxErrors,
  getParser,
  readConfig,
  withMechanism,
} from './support.ts';

it('finds the examples', () => {
  expect(examples.length).toBeGreaterThan(0);
});

describe.each(examples)('example %s', (name) => {
  const dir = join(EXAMPLES, name);
  const config = readConfig(readFileSync(join(dir, 'config.yaml'), 'utf8'));
  const sources = exampleSources(dir);

  it.each(MECHANISMS.flatMap((m) => SHARING_MODES.map((s) => [m, s] as const)))(
    'instantiates for %s / %s without errors, idempotently, and compiles',
    async (mechanism, sharing) => {
      const parser = await getParser();
      const image = withMechanism(config, mechanism);
      const sites: GateSite[] = [];
      for (const src of sources) {
        const r = instantiate(parser, src.file, src.text, { lib: src.lib, config: image, sharing });
        expect(
          r.diagnostics.filter((d) => d.severity === 'error'),
          `${src.file}`,
        ).toEqual([]);
        expect(
          instantiate(parser, src.file, r.text, { lib: src.lib, config: image, sharing }).text,
        ).toBe(r.text);
        sites.push(...r.gates);
        if (HAS_GCC && src.file.endsWith('.c')) {
          expect(
            gccSyntaxErrors(
              r.text,
              `${name}-${mechanism}-${sharing}-${src.lib}-${src.file.split('/').pop()}`,
              [join(dir, 'libs', src.lib)],
            ),
            src.file,
          ).toBe('');
        }
      }
      const artefacts = buildArtefacts(image, sites, sharing);
      expect(artefacts.gates.reduce((n, g) => n + g.sites, 0)).toBe(sites.length);
      expect(structuredClone(artefacts)).toEqual(artefacts);
    },
  );
});

if (!HAS_GCC) it.skip('gcc is not installed: example outputs are not compiled', () => {});
