/**
 * An independent, deliberately naive reading of DESIGN.md "Compatibility", for property tests:
 * everything is a set of atoms, a violation is "touched minus granted is not empty".
 */
import type { ImageConfig } from '../../../src/core/config/image-config.ts';
import type {
  ComponentSpec,
  MemoryAccess,
  Region,
} from '../../../src/core/metadata/component-spec.ts';
import type { Hardening } from '../../../src/core/model.ts';

export interface BruteViolation {
  key: string;
  functions?: string[];
}

/** Stands for every function of a component that is not in its API. */
const PRIVATE = '#private';

export const keyOf = (actor: string, target: string, rule: string) => `${actor}|${target}|${rule}`;

function memoryAtoms(regions: readonly Region[], asan: boolean): Set<string> {
  const r = new Set(regions);
  if (asan && r.has('*')) {
    r.delete('*');
    r.add('Own');
    r.add('Shared');
  }
  const atoms = new Set<string>();
  if (r.has('*')) atoms.add('Own').add('Shared');
  if (r.has('Shared')) atoms.add('Shared');
  return atoms;
}

/**
 * Violations of actor `a` against target `r`. `configured` is a's effective hardening, of
 * which only what a's `[Hardening]` allows applies; `together` says whether nothing separates
 * them.
 */
export function brutePair(
  a: string,
  sa: ComponentSpec | undefined,
  configured: readonly Hardening[],
  r: string,
  sr: ComponentSpec | undefined,
  together: boolean,
  allFunctionNames: readonly string[],
): BruteViolation[] {
  const out: BruteViolation[] = [];
  const allowed = sa?.hardening;
  const hA = allowed ? configured.filter((h) => allowed.includes(h)) : configured;
  if (a === r || !sr || sr.requires === null) return out;
  const reqs = sr.requires.filter((q) => q.who === '*' || q.who === a);
  const plainC: MemoryAccess = { read: ['*'], write: ['*'] };
  const memory = sa ? (sa.memory ?? plainC) : plainC;
  const asan = hA.includes('asan');
  if (together) {
    for (const [action, regions] of [
      ['Write', memory.write],
      ['Read', memory.read],
    ] as const) {
      const granted = new Set<string>();
      for (const q of reqs.filter((q) => q.action === action)) {
        if (q.object === '*' || q.object === 'Own') granted.add('Own').add('Shared');
        if (q.object === 'Shared') granted.add('Shared');
      }
      for (const atom of ['Own', 'Shared'])
        if (memoryAtoms(regions, asan).has(atom) && !granted.has(atom))
          out.push({ key: keyOf(a, r, `${action.toLowerCase()}-${atom.toLowerCase()}`) });
    }
  }
  const api = sr.api.map((f) => f.name);
  const universe = new Set([...api, ...allFunctionNames, PRIVATE]);
  const reach = new Set<string>();
  const calls = sa ? sa.calls : [{ kind: 'any' as const }];
  for (const c of calls) {
    const all = c.kind === 'any' || (c.lib === r && c.fn === '*');
    if (all) for (const f of together && !hA.includes('cfi') ? universe : api) reach.add(f);
    else if (c.kind === 'lib' && c.lib === r && (together || api.includes(c.fn))) reach.add(c.fn);
  }
  const grantedCalls = new Set<string>();
  for (const q of reqs.filter((q) => q.action === 'Call'))
    for (const f of q.object === '*' ? universe : [q.object]) grantedCalls.add(f);
  const denied = [...reach].filter((f) => !grantedCalls.has(f)).sort();
  if (denied.length > 0)
    out.push({ key: keyOf(a, r, 'call'), functions: denied.includes(PRIVATE) ? ['*'] : denied });
  return out;
}

/** Every violation of an image, computed pair by pair from the raw config. */
export function bruteViolations(
  config: ImageConfig,
  specs: readonly ComponentSpec[],
): BruteViolation[] {
  const byName = new Map<string, ComponentSpec>();
  for (const s of specs) if (!byName.has(s.name)) byName.set(s.name, s);
  const libs = [...new Set([...config.libraries.map((l) => l.name), ...byName.keys()])];
  const def = config.compartments.find((c) => c.default) ?? config.compartments[0];
  const compOf = (lib: string) =>
    config.libraries.find((l) => l.name === lib)?.compartment ?? def?.name;
  const hardOf = (lib: string): Hardening[] => [
    ...(config.compartments.find((c) => c.name === compOf(lib))?.hardening ?? []),
    ...(config.libraries.find((l) => l.name === lib)?.hardening ?? []),
  ];
  const separated = (def?.mechanism ?? 'fcalls') !== 'fcalls';
  const fnNames = specs.flatMap((s) =>
    s.calls.flatMap((c) => (c.kind === 'lib' && c.fn !== '*' ? [c.fn] : [])),
  );
  const out: BruteViolation[] = [];
  for (const a of libs)
    for (const r of libs) {
      const together = !separated || compOf(a) === compOf(r);
      out.push(...brutePair(a, byName.get(a), hardOf(a), r, byName.get(r), together, fnNames));
    }
  return out;
}
