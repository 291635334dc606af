/**
 * The skeleton every generated file of a workspace is drawn from: libraries, their functions,
 * compartments and where each library goes. Files are generated from one plan so that most of
 * them agree with each other (gates name real libraries and functions, the space lists real
 * components) and the pipeline gets past parsing into the solver, rewriter and explorer.
 */
import type { Rng } from './prng.ts';

export interface Plan {
  name: string;
  /** Libraries of the image (config entries and/or `libs/<lib>/` directories). */
  libs: string[];
  /** Entry points of each library (C function names). */
  functions: Record<string, string[]>;
  /** `aliases:` of config.yaml: alias → library. */
  aliases: Record<string, string>;
  compartments: string[];
  /** Library → compartment (a library missing here goes to the default). */
  placement: Record<string, string>;
  /** Mechanism spelling per compartment (mostly one for all, as the toolchain wants). */
  mechanisms: string[];
  sharing: string | null;
}

/** Library names of the examples and the FlexOS papers, plus a few awkward ones. */
export const LIB_POOL = [
  'app',
  'kv',
  'libc',
  'netstack',
  'sched',
  'greeter',
  'imgparse',
  'newlib',
  'lwip',
  'uksched',
  'tlsf',
  'redis',
  'iperf',
  'net-stack',
  'vfs_core',
  'crypto2',
  'ukalloc',
  'liblib',
] as const;

/** Names a config may use that break the name rule or resolve to nothing. */
export const BAD_NAMES = ['Bad', '9lib', 'a.b', 'x y', '', 'comp-', 'lib_', 'ü', '-x'] as const;

export const MECHANISM_SPELLINGS = [
  [4, 'intel-mpk'],
  [2, 'intel-pku'],
  [3, 'vm-ept'],
  [1, 'vmept'],
  [3, 'fcalls'],
  [3, 'cheri'],
  [0.3, 'mpk'],
  [0.2, 'Intel-MPK'],
] as const;

export const SHARINGS = [
  [4, 'heap'],
  [3, 'dss'],
  [3, 'shared-stack'],
  [1, null],
  [0.3, 'stack'],
] as const;

const VERBS = ['send', 'recv', 'open', 'close', 'yield', 'alloc', 'free', 'parse', 'init', 'get'];
const COMMON_FUNCTIONS = ['send', 'recv', 'yield', 'mini_malloc', 'socket', 'memcpy', 'main'];

/** A C identifier from a library name (`net-stack` → `net_stack`). */
export function cIdent(lib: string): string {
  const id = lib.replace(/[^A-Za-z0-9_]/g, '_');
  return /^[A-Za-z_]/.test(id) ? id : `_${id}`;
}

export function createPlan(rng: Rng): Plan {
  const size = rng.weighted([
    [6, rng.int(1, 4)],
    [3, rng.int(4, 7)],
    [0.4, rng.int(8, 14)],
    // Now and then an image of many components, for the solver's and checker's sizes.
    [0.06, rng.int(25, 60)],
  ]);
  const libs: string[] = rng.some<string>(LIB_POOL, size, size);
  for (let i = libs.length; i < size; i++) libs.push(`l${i}`);
  if (rng.chance(0.04)) libs.push(rng.pick(BAD_NAMES.filter((n) => /^[\w.-]+$/.test(n))));
  const functions: Record<string, string[]> = {};
  for (const lib of libs) {
    const own = rng.some(VERBS, 1, 4).map((v) => (rng.chance(0.7) ? `${cIdent(lib)}_${v}` : v));
    if (rng.chance(0.3)) own.push(rng.pick(COMMON_FUNCTIONS));
    functions[lib] = [...new Set(own)];
  }
  const compartmentCount = rng.weighted([
    [8, rng.int(1, Math.max(1, Math.min(libs.length, 4)))],
    [1, rng.int(1, libs.length + 1)],
    [0.15, rng.int(15, 20)],
  ]);
  const compartments = Array.from({ length: compartmentCount }, (_, i) =>
    rng.chance(0.95) ? `comp${i + 1}` : rng.pick(['default', 'secure', 'net', 'Comp', 'c_2']),
  );
  const unique = [...new Set(compartments)];
  const placement: Record<string, string> = {};
  for (const lib of libs) if (rng.chance(0.93)) placement[lib] = rng.pick(unique);
  const single = rng.weighted(MECHANISM_SPELLINGS);
  const mechanisms = unique.map(() =>
    rng.chance(0.06) ? rng.weighted(MECHANISM_SPELLINGS) : single,
  );
  const aliases: Record<string, string> = {};
  if (rng.chance(0.25) && libs.length > 0) {
    for (let i = rng.int(1, 2); i > 0; i--) {
      const alias = rng.pick(['libc', 'net', 'os', 'sched', 'ghost', 'newlib']);
      aliases[alias] = rng.chance(0.85) ? rng.pick(libs) : 'nowhere';
    }
  }
  return {
    name: rng.chance(0.9)
      ? rng.pick(['minikv', 'redis', 'hello', 'img', 'fuzz-image'])
      : 'Bad Name',
    libs,
    functions,
    aliases,
    compartments: unique,
    placement,
    mechanisms,
    sharing: rng.weighted(SHARINGS),
  };
}
