/**
 * "Load into config.yaml" and "Create space.yaml" of the explore panel: a configuration of the
 * space is written into the example's own commented config.yaml in place (every comment line
 * and the order kept, the placement exactly the configuration's), and a space made from an
 * example's config holds that config as one of its configurations.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseImageConfig, placeIntoText } from '../../../src/core/config/index.ts';
import {
  enumerateConfigurations,
  formatId,
  idOfImage,
  parseSpace,
  toImageConfig,
  type Space,
} from '../../../src/core/explore/index.ts';
import {
  currentConfigurationId,
  loadConfiguration,
  spaceYamlFor,
  type Workspace,
} from '../../../src/core/pipeline/index.ts';
import { ROOT } from '../rewrite/support.ts';
import { MINIKV } from '../config/helpers.ts';

const EXAMPLES = readdirSync(join(ROOT, 'examples')).filter((e) =>
  statSync(join(ROOT, 'examples', e)).isDirectory(),
);

function example(name: string): Workspace {
  const dir = join(ROOT, 'examples', name);
  const files: Record<string, string> = {};
  const walk = (rel: string): void => {
    for (const entry of readdirSync(join(dir, rel))) {
      const path = rel ? `${rel}/${entry}` : entry;
      if (statSync(join(dir, path)).isDirectory()) walk(path);
      else files[path] = readFileSync(join(dir, path), 'utf8');
    }
  };
  walk('');
  return { name, files, settings: { panel: 'explore' } };
}

function spaceOf(text: string): Space {
  const { space, diagnostics } = parseSpace(text);
  if (!space) throw new Error(diagnostics.map((d) => d.code).join(', '));
  return space;
}

const comments = (text: string): string[] => text.split('\n').filter((l) => /^\s*#/.test(l));

/** Loads every configuration of `ws`'s space and checks each result. */
function loadAll(ws: Workspace): number {
  const space = spaceOf(ws.files['space.yaml'] ?? '');
  const before = ws.files['config.yaml'] ?? '';
  let n = 0;
  for (const cfg of enumerateConfigurations(space)) {
    const id = formatId(space, cfg);
    const r = loadConfiguration(ws, id);
    if ('error' in r) throw new Error(r.error);
    const { config, diagnostics } = parseImageConfig(r.text, 'config.yaml');
    expect(
      diagnostics.filter((d) => d.severity === 'error'),
      id,
    ).toEqual([]);
    expect(config && idOfImage(config), id).toBe(id);
    expect(r.kept, id).toBe(true);
    expect(comments(r.text), id).toEqual(comments(before));
    expect(config?.name).toBe(parseImageConfig(before, 'config.yaml').config?.name);
    expect(
      currentConfigurationId({ ...ws, files: { ...ws.files, 'config.yaml': r.text } }, space),
    ).toBe(id);
    n++;
  }
  return n;
}

describe('loading a configuration into config.yaml', () => {
  it('keeps minikv config.yaml comments for each of its 80 configurations', () => {
    expect(loadAll(example('minikv'))).toBe(80);
  });

  it('keeps the comments of every example, loading each configuration of a space made from it', () => {
    for (const name of EXAMPLES) {
      const ws = example(name);
      const made = spaceYamlFor(ws);
      if ('error' in made) throw new Error(`${name}: ${made.error}`);
      expect(loadAll({ ...ws, files: { ...ws.files, 'space.yaml': made.text } })).toBeGreaterThan(
        1,
      );
    }
  });

  it('keeps compartment names that keep libraries, and the untouched lines as written', () => {
    const ws = example('minikv');
    const r = loadConfiguration(ws, 'kv,libc,netstack[asan,cfi] | sched');
    if ('error' in r) throw new Error(r.error);
    // comp2 keeps sched; comp3 (netstack's) is emptied and goes; netstack gets its own hardening.
    expect(r.text).toContain('  - sched: comp2\n');
    expect(r.text).not.toContain('comp3');
    expect(r.text).toMatch(/- netstack: \{ compartment: comp1, hardening: \[asan, cfi\] \}/);
    expect(r.text.startsWith(ws.files['config.yaml']?.split('compartments:')[0] ?? '?')).toBe(true);
  });

  it('removes compartment hardening a library must not get, and writes a new mechanism and sharing', () => {
    const space = spaceOf(`components: [kv, netstack, sched]
max-compartments: 3
hardening: { netstack: [asan, cfi], sched: [safestack] }
mechanism: vm-ept
sharing: dss
`);
    // The docs' example: comp2 hardens netstack and sched with [asan, cfi].
    const target = 'kv | netstack[asan] | sched';
    const text = placeIntoText(MINIKV, 'config.yaml', toTarget(space, target)).text;
    const config = parseImageConfig(text, 'config.yaml').config;
    expect(config && idOfImage(config)).toBe(target);
    expect(config?.sharing).toBe('dss');
    expect(config?.compartments.map((c) => [c.name, c.mechanism, c.hardening])).toEqual([
      ['comp1', 'vm-ept', []],
      ['comp2', 'vm-ept', ['asan']],
      ['comp3', 'vm-ept', []],
    ]);
    expect(comments(text)).toEqual(comments(MINIKV));
    // Trailing comments stay on their lines.
    expect(text).toContain('sharing: dss            # how stack data crosses');
  });

  it('writes a whole file where there is none to keep', () => {
    const ws = example('minikv');
    delete ws.files['config.yaml'];
    const r = loadConfiguration(ws, 'kv,libc | netstack | sched');
    expect(!('error' in r) && r.kept).toBe(false);
    expect('error' in r ? r.error : r.text).toContain('name: minikv');
    expect(loadConfiguration(example('minikv'), 'kv | libc,netstack,sched')).toEqual({
      error: "'kv | libc,netstack,sched' is not in the space: kv, libc must share a compartment",
    });
  });
});

describe('a space.yaml made from config.yaml', () => {
  it('holds each example image as its current configuration', () => {
    for (const name of EXAMPLES) {
      const ws = example(name);
      const made = spaceYamlFor(ws);
      if ('error' in made) throw new Error(made.error);
      const { space, diagnostics } = parseSpace(made.text);
      expect(diagnostics, name).toEqual([]);
      if (!space) throw new Error(name);
      const config = parseImageConfig(ws.files['config.yaml'] ?? '', 'config.yaml').config;
      expect(currentConfigurationId(ws, space), name).toBe(config && idOfImage(config));
    }
  });

  it('offers asan only where the metadata allows it, and says why there is no space', () => {
    const ws = example('hello');
    ws.files['components/app.flexos'] += '[Hardening] cfi\n';
    const made = spaceYamlFor(ws);
    expect('text' in made && made.text).toContain('hardening:\n  greeter: [asan]\n');
    expect(
      spaceYamlFor({ files: { 'config.yaml': 'compartments: [' }, settings: { panel: 'explore' } }),
    ).toEqual({
      error: "the image's config has errors or is missing",
    });
  });
});

function toTarget(space: Space, id: string) {
  const found = enumerateConfigurations(space).find((c) => formatId(space, c) === id);
  if (!found) throw new Error(`${id} not in space`);
  return toImageConfig(space, found);
}
