/**
 * A whole workspace from one seed: config.yaml (nested or flat) or kraft.yaml, component
 * metadata, C sources per library, space.yaml and workload.yaml, then maybe damaged by the
 * mutators. The same seed always gives the same files (`createRng` is the only randomness,
 * and the examples are handed in).
 */
import { configYaml, kraftYaml } from './gen-config.ts';
import { libraryFiles } from './gen-c.ts';
import { spaceYaml, workloadYaml } from './gen-explore.ts';
import { componentText } from './gen-meta.ts';
import { createPlan } from './gen-plan.ts';
import { hostileToken, kindOfPath, mutate } from './mutate.ts';
import { createRng, type Rng } from './prng.ts';

/** How a case was made, reported with its failures. */
export type CaseKind = 'generated' | 'mutated' | 'example' | 'example-mutated' | 'hostile';

export interface FuzzCase {
  seed: number;
  kind: CaseKind;
  /** The workspace's name (as a CLI directory's base name gives it). */
  name: string;
  files: Record<string, string>;
}

/** An example workspace as data: path → text (README.md left out). */
export type ExampleFiles = Record<string, string>;

/** The seed of case `index` of a run from `base`: FLEXOS_FUZZ_SEED=<it> re-runs it alone. */
export function caseSeed(base: number, index: number): number {
  return (base + index) >>> 0;
}

/** A fresh workspace from the grammar. */
export function generateFiles(rng: Rng): Record<string, string> {
  const plan = createPlan(rng.fork('plan'));
  const files: Record<string, string> = {};
  const cfg = rng.fork('config');
  const which = cfg.weighted([
    [10, 'config'],
    [2, 'kraft'],
    [0.4, 'both'],
    [0.3, 'none'],
  ] as const);
  if (which === 'config' || which === 'both') files['config.yaml'] = configYaml(cfg, plan);
  if (which === 'kraft' || which === 'both') files['kraft.yaml'] = kraftYaml(cfg, plan);
  const meta = rng.fork('meta');
  for (const lib of plan.libs) {
    if (meta.chance(0.8)) files[`components/${lib}.flexos`] = componentText(meta, plan, lib);
  }
  if (meta.chance(0.05)) files['components/orphan.flexos'] = componentText(meta, plan, 'orphan');
  const c = rng.fork('c');
  // Sources for most libraries; for the rare image of dozens, for a few (size, not variety).
  const withSources = plan.libs.length > 14 ? 0.15 : 0.85;
  for (const lib of plan.libs) {
    if (!c.chance(withSources)) continue;
    for (const f of libraryFiles(c, plan, lib)) files[`libs/${lib}/${f.name}`] = f.text;
  }
  const ex = rng.fork('explore');
  if (ex.chance(0.6)) {
    const space = spaceYaml(ex, plan);
    files['space.yaml'] = space.text;
    if (ex.chance(0.75)) files['workload.yaml'] = workloadYaml(ex, space.components);
  } else if (ex.chance(0.1)) {
    files['workload.yaml'] = workloadYaml(ex, plan.libs);
  }
  return files;
}

/** Applies the mutators to 1..3 files, picked at random. */
function damage(rng: Rng, files: Record<string, string>, max = 3): void {
  const paths = Object.keys(files).sort();
  if (paths.length === 0) return;
  for (const path of rng.some(paths, 1, max)) {
    files[path] = mutate(rng, files[path] ?? '', kindOfPath(path));
  }
}

/** Inserts one hostile token into one file. */
function poison(rng: Rng, files: Record<string, string>): void {
  const paths = Object.keys(files).sort();
  if (paths.length === 0) return;
  const path = rng.pick(paths);
  const text = files[path] ?? '';
  const at = rng.int(0, text.length);
  files[path] = text.slice(0, at) + hostileToken(rng, kindOfPath(path)) + text.slice(at);
}

export function generateCase(seed: number, examples: Record<string, ExampleFiles>): FuzzCase {
  const rng = createRng(seed);
  const names = Object.keys(examples).sort();
  const kind = rng.weighted([
    [45, 'generated'],
    [25, 'mutated'],
    [names.length > 0 ? 4 : 0, 'example'],
    [names.length > 0 ? 14 : 0, 'example-mutated'],
    [12, 'hostile'],
  ] as const);
  const fromExample =
    (kind === 'example' || kind === 'example-mutated' || kind === 'hostile') &&
    names.length > 0 &&
    (kind !== 'hostile' || rng.chance(0.4));
  const example = fromExample ? rng.pick(names) : null;
  const files = example ? { ...examples[example] } : generateFiles(rng.fork('files'));
  const edits = rng.fork('mutate');
  if (kind === 'mutated' || kind === 'example-mutated') damage(edits, files);
  if (kind === 'hostile') poison(edits, files);
  return { seed, kind, name: example ?? 'ws', files };
}
