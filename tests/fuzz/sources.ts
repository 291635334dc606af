/**
 * What the fuzz suite reads from the repository at start-up: the diagnostic codes core
 * declares (a code seen at run time that no source declares is a failure) and the example
 * workspaces the mutators start from.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ExampleFiles } from './generate.ts';

export const ROOT = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..');

function walk(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    if (e.isDirectory()) walk(path, out);
    else if (e.isFile()) out.push(path);
  }
  return out;
}

/** Every diagnostic code src/core declares. */
export interface KnownCodes {
  /** Full codes written as one literal: `'config/unknown-key'`. */
  literal: Set<string>;
  /**
   * Codes built by `${ctx.prefix}/${kind}` (core/yaml): every prefix handed to
   * `createYamlContext` with every kind literal handed to `report`/`reportAt`.
   */
  composed: Set<string>;
  /**
   * Starts of codes built by a template such as `solver/violation-${f.rule}`: a code with
   * such a start is known when the rest is a kebab-case literal of src/core (`read-own`).
   */
  templates: Set<string>;
  has(code: string): boolean;
}

export function collectKnownCodes(root = ROOT): KnownCodes {
  const files = walk(join(root, 'src', 'core')).filter(
    (f) => f.endsWith('.ts') && !f.endsWith('.test.ts'),
  );
  const literal = new Set<string>();
  const prefixes = new Set<string>();
  const kinds = new Set<string>();
  const templates = new Set<string>();
  const words = new Set<string>();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(['"`])([a-z]+\/[a-z0-9-]+)\1/g)) literal.add(m[2] as string);
    for (const m of text.matchAll(/createYamlContext\([^()]*?,\s*'([a-z]+)'\s*\)/g))
      prefixes.add(m[1] as string);
    for (const m of text.matchAll(/\breport(?:At)?\(\s*\w+\s*,\s*'([a-z][a-z0-9-]*)'/g))
      kinds.add(m[1] as string);
    for (const m of text.matchAll(/`([a-z]+\/[a-z0-9-]*)\$\{/g)) templates.add(m[1] as string);
    for (const m of text.matchAll(/'([a-z][a-z0-9-]*)'/g)) words.add(m[1] as string);
  }
  const composed = new Set<string>();
  for (const p of prefixes) for (const k of kinds) composed.add(`${p}/${k}`);
  const fromTemplate = (code: string): boolean =>
    [...templates].some((t) => code.startsWith(t) && words.has(code.slice(t.length)));
  return {
    literal,
    composed,
    templates,
    has: (code) => literal.has(code) || composed.has(code) || fromTemplate(code),
  };
}

/** The example workspaces: examples/<name>/ as workspace paths, README.md left out. */
export function loadExamples(root = ROOT): Record<string, ExampleFiles> {
  const dir = join(root, 'examples');
  const out: Record<string, ExampleFiles> = {};
  for (const name of readdirSync(dir).sort()) {
    const base = join(dir, name);
    if (!statSync(base).isDirectory()) continue;
    const files: ExampleFiles = {};
    for (const path of walk(base).sort()) {
      const rel = relative(base, path).split('\\').join('/');
      if (/(^|\/)README\.md$/i.test(rel)) continue;
      files[rel] = readFileSync(path, 'utf8');
    }
    out[name] = files;
  }
  return out;
}
