/**
 * An independent, deliberately naive reading of docs/semantics.md, for property tests:
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
 * them. Private memory is reached only together; shared memory from every compartment.
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
  const reachable = together ? ['Own', 'Shared'] : ['Shared'];
  for (const [action, regions] of [
    ['Write', memory.write],
    ['Read', memory.read],
  ] as const) {
    const granted = new Set<string>();
    for (const q of reqs.filter((q) => q.action === action)) {
      if (q.object === '*' || q.object === 'Own') granted.add('Own').add('Shared');
      if (q.object === 'Shared') granted.add('Shared');
    }
    for (const atom of reachable)
      if (memoryAtoms(regions, asan).has(atom) && !granted.has(atom))
        out.push({ key: keyOf(a, r, `${action.toLowerCase()}-${atom.toLowerCase()}`) });
  }
  const api = sr.api.map((f) => f.name);
  const universe = new Set([...api, ...allFunctionNames, PRIVATE]);
  // What a gate may enter: the declared API, or anything when none is declared.
  const entries = api.length > 0 ? new Set(api) : universe;
  const reach = new Set<string>();
  // No metadata or no [Call]: it calls anything.
  const calls = sa?.calls ?? [{ kind: 'any' as const }];
  for (const c of calls) {
    const all = c.kind === 'any' || (c.lib === r && c.fn === '*');
    const cfi = hA.includes('cfi');
    if (all) for (const f of cfi ? api : together ? universe : entries) reach.add(f);
    else if (c.kind === 'lib' && c.lib === r && (together || entries.has(c.fn))) reach.add(c.fn);
  }
  const grantedCalls = new Set<string>();
  for (const q of reqs.filter((q) => q.action === 'Call'))
    for (const f of q.object === '*' ? universe : [q.object]) grantedCalls.add(f);
  const denied = [...reach].filter((f) => !grantedCalls.has(f)).sort();
  if (denied.length > 0)
    out.push({ key: keyOf(a, r, 'call'), functions: denied.includes(PRIVATE) ? ['*'] : denied });
  return out;
}

/** Whether a finding key is about shared memory, which no placement changes. */
export const isSharedKey = (key: string): boolean => key.endsWith('-shared');

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
  const fnNames = calledFunctions(specs);
  const out: BruteViolation[] = [];
  for (const a of libs)
    for (const r of libs) {
      const together = !separated || compOf(a) === compOf(r);
      out.push(...brutePair(a, byName.get(a), hardOf(a), r, byName.get(r), together, fnNames));
    }
  return out;
}

/** Names of the functions some `[Call]` names explicitly. */
export function calledFunctions(specs: readonly ComponentSpec[]): string[] {
  return specs.flatMap((s) =>
    (s.calls ?? []).flatMap((c) => (c.kind === 'lib' && c.fn !== '*' ? [c.fn] : [])),
  );
}

/** A gate of the C, as `checkGateSites` takes it. */
export interface BruteSite {
  caller: string;
  callee: string;
  fn: string;
  via: 'gate' | 'callback';
}

/**
 * The codes each gate site should get, in site order: `[Call]` read as the set of
 * `lib::fn` strings it allows over every name the system uses, `[API]` as a set of names.
 */
export function bruteGateSites(
  config: ImageConfig,
  specs: readonly ComponentSpec[],
  sites: readonly BruteSite[],
): string[][] {
  const byName = new Map<string, ComponentSpec>();
  for (const s of specs) if (!byName.has(s.name)) byName.set(s.name, s);
  const libs = new Set([
    ...config.libraries.map((l) => l.name),
    ...byName.keys(),
    ...Object.values(config.aliases),
  ]);
  const def = config.compartments.find((c) => c.default) ?? config.compartments[0];
  const compOf = (lib: string) =>
    config.libraries.find((l) => l.name === lib)?.compartment ?? def?.name;
  const separated = (def?.mechanism ?? 'fcalls') !== 'fcalls';
  const fns = new Set([
    ...sites.map((s) => s.fn),
    ...specs.flatMap((s) => s.api.map((f) => f.name)),
  ]);
  const allowedCalls = (spec: ComponentSpec): Set<string> => {
    const out = new Set<string>();
    for (const c of spec.calls ?? [])
      for (const lib of libs)
        for (const fn of fns)
          if (c.kind === 'any' || (c.lib === lib && (c.fn === '*' || c.fn === fn)))
            out.add(`${lib}::${fn}`);
    return out;
  };
  return sites.map((site) => {
    const codes: string[] = [];
    if (site.caller === site.callee || !libs.has(site.callee)) return codes;
    const caller = byName.get(site.caller);
    if (
      site.via === 'gate' &&
      caller?.calls &&
      !allowedCalls(caller).has(`${site.callee}::${site.fn}`)
    )
      codes.push('solver/gate-not-in-call');
    const api = new Set(byName.get(site.callee)?.api.map((f) => f.name) ?? []);
    const crosses = separated && compOf(site.caller) !== compOf(site.callee);
    if (crosses && api.size > 0 && !api.has(site.fn)) codes.push('solver/gate-not-in-api');
    return codes;
  });
}
