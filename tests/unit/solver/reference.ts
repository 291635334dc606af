/**
 * The solver's results computed the slow, obvious way, for property tests of the fast one:
 * `checkPair` on every ordered pair, and each fix judged by applying it to the whole config
 * and checking every pair again.
 */
import { getBackend } from '../../../src/core/backends/index.ts';
import type { ConfigChange } from '../../../src/core/config/config-change.ts';
import {
  applyConfigChange,
  compartmentOf,
  hardeningOf,
  mechanismOf,
  type ImageConfig,
} from '../../../src/core/config/index.ts';
import type { ComponentSpec } from '../../../src/core/metadata/component-spec.ts';
import { HARDENINGS, type Hardening } from '../../../src/core/model.ts';
import {
  allowedHardening,
  behaviourOf,
  checkPair,
  findingKey,
  freshCompartmentName,
  separationCanRemove,
  targetOf,
  type PairFinding,
} from '../../../src/core/solver/index.ts';

export interface ReferencePair {
  actor: string;
  target: string;
  findings: PairFinding[];
  notInApi: string[];
}

function libsOf(config: ImageConfig, specs: readonly ComponentSpec[]): string[] {
  return [...new Set([...config.libraries.map((l) => l.name), ...specs.map((s) => s.name)])];
}

function firstSpecs(specs: readonly ComponentSpec[]): Map<string, ComponentSpec> {
  const byName = new Map<string, ComponentSpec>();
  for (const s of specs) if (!byName.has(s.name)) byName.set(s.name, s);
  return byName;
}

/** `checkPair` on every ordered pair of the image, by actor then target. */
export function referencePairs(
  config: ImageConfig,
  specs: readonly ComponentSpec[],
): ReferencePair[] {
  const byName = firstSpecs(specs);
  const libs = libsOf(config, specs);
  const separates = getBackend(mechanismOf(config)).separatesMemory;
  const out: ReferencePair[] = [];
  for (const actor of libs)
    for (const target of libs) {
      const b = behaviourOf(actor, byName.get(actor), hardeningOf(config, actor));
      const together =
        !separates || compartmentOf(config, actor)?.name === compartmentOf(config, target)?.name;
      const r = checkPair(b, targetOf(target, byName.get(target)), together);
      if (r.findings.length > 0 || r.notInApi.length > 0) out.push({ actor, target, ...r });
    }
  return out;
}

function findingKeys(config: ImageConfig, specs: readonly ComponentSpec[]): Set<string> {
  return new Set(referencePairs(config, specs).flatMap((p) => p.findings.map(findingKey)));
}

function forbidden(config: ImageConfig, spec: ComponentSpec | undefined, lib: string): Hardening[] {
  const has = hardeningOf(config, lib);
  const allowed = allowedHardening(spec, has);
  return has.filter((h) => !allowed.includes(h));
}

const KIND_ORDER = { harden: 0, move: 1, 'new-compartment': 2 } as const;

/** The fixes of `finding` as docs/semantics.md orders them, each judged on the whole image. */
export function referenceFixes(
  config: ImageConfig,
  specs: readonly ComponentSpec[],
  finding: PairFinding,
): ConfigChange[] {
  const byName = firstSpecs(specs);
  const before = findingKeys(config, specs);
  const separates = getBackend(mechanismOf(config)).separatesMemory;
  const candidates: ConfigChange[] = [];
  const allowed = byName.get(finding.actor)?.hardening ?? HARDENINGS;
  const has = hardeningOf(config, finding.actor);
  for (const h of HARDENINGS)
    if (allowed.includes(h) && !has.includes(h))
      candidates.push({ kind: 'harden', lib: finding.actor, hardening: h });
  if (separates && separationCanRemove(finding.rule)) {
    for (const lib of [finding.actor, finding.target])
      for (const c of config.compartments)
        if (c.name !== compartmentOf(config, lib)?.name)
          candidates.push({ kind: 'move', lib, compartment: c.name });
    if (config.compartments.length + 1 <= getBackend(mechanismOf(config)).maxCompartments)
      for (const lib of [finding.actor, finding.target])
        candidates.push({
          kind: 'new-compartment',
          lib,
          compartment: freshCompartmentName(config),
        });
  }
  const key = findingKey(finding);
  return candidates
    .map((change, index) => {
      const next = applyConfigChange(config, change);
      const after = findingKeys(next, specs);
      const spec = byName.get(change.lib);
      const was = forbidden(config, spec, change.lib);
      const introducesNew =
        [...after].some((k) => !before.has(k)) ||
        forbidden(next, spec, change.lib).some((h) => !was.includes(h));
      return { change, index, removes: !after.has(key), introducesNew };
    })
    .filter((c) => c.removes)
    .sort(
      (a, b) =>
        Number(a.introducesNew) - Number(b.introducesNew) ||
        KIND_ORDER[a.change.kind] - KIND_ORDER[b.change.kind] ||
        a.index - b.index,
    )
    .map((c) => c.change);
}
