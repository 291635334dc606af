/**
 * Must show: `port` on an example source with its gate placeholders removed gives the
 * placeholders back (modulo whitespace and the temporaries it introduces), and the result
 * instantiates without errors.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseComponent } from '../../../src/core/metadata/index.ts';
import type { ComponentSpec } from '../../../src/core/metadata/component-spec.ts';
import { MECHANISMS } from '../../../src/core/model.ts';
import {
  instantiate,
  ownersFromComponents,
  ownersFromSources,
  port,
} from '../../../src/core/rewrite/index.ts';
import {
  ROOT,
  exampleSources,
  examples,
  getParser,
  readConfig,
  stripGates,
  withMechanism,
} from './support.ts';

/** Whitespace and temporaries (`T _flexos_rN;` declarations) do not count. */
function normal(text: string): string {
  return text.replace(/^[^\n;]*\b_flexos_r\d+;\s*$/gm, '').replace(/\s+/g, '');
}

function components(dir: string): ComponentSpec[] {
  const cdir = join(dir, 'components');
  if (!existsSync(cdir)) return [];
  return readdirSync(cdir)
    .filter((f) => f.endsWith('.flexos'))
    .flatMap((f) => parseComponent(readFileSync(join(cdir, f), 'utf8'), f).spec ?? []);
}

describe.each(examples)('port round trip on example %s', (name) => {
  const dir = join(ROOT, 'examples', name);
  const config = readConfig(readFileSync(join(dir, 'config.yaml'), 'utf8'));
  const sources = exampleSources(dir).filter((s) => s.file.endsWith('.c'));

  it.each(sources.map((s) => [s.file, s] as const))('%s', async (_file, src) => {
    const parser = await getParser();
    const stripped = stripGates(parser, src.text);
    const gate = /flexos_gate(_r)?\(\s*\w+\s*,/;
    if (gate.test(src.text)) expect(stripped).not.toMatch(gate);
    const inImage = new Set(config.libraries.map((l) => l.name));
    const owners = new Map(
      [...ownersFromComponents(components(dir))].filter(([, lib]) => inImage.has(lib)),
    );
    const others = exampleSources(dir).filter((s) => s.lib !== src.lib);
    const fromSources = ownersFromSources(parser, others);
    for (const [fn, lib] of fromSources.owners)
      if (!owners.has(fn) && inImage.has(lib)) owners.set(fn, lib);
    const ported = port(parser, src.file, stripped, {
      lib: src.lib,
      owners,
      signatures: fromSources.signatures,
    });
    expect(ported.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(normal(ported.text)).toBe(normal(src.text));
    for (const m of MECHANISMS) {
      const r = instantiate(parser, src.file, ported.text, {
        lib: src.lib,
        config: withMechanism(config, m),
      });
      expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    }
  });
});
